package org.sovecon.infer.explain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.sovecon.convert.Hashes;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * Writes derivations as RDF for the graph {@code <…/graph/explanations>}, leaving out those a query
 * recomputes ({@link #recomputed}). Every triple involved is named {@code tr:<hash>} and reified with
 * rdf:subject, rdf:predicate, rdf:object (plain RDF 1.1, like the statement nodes). A stored inferred
 * triple's node carries {@code sov:derivedBy rule:…} and {@code sov:premise} (one per premise, the
 * ontology axiom applied among them). An asserted premise's node carries {@code sov:premiseStatement}
 * (its statement nodes, whose {@code prov:wasDerivedFrom} give its citations); a premise with no
 * statement (a type, a label) is cited by its subject's own row.
 *
 * <pre>
 *   Graph explanations = ExplanationGraph.write(Explainer.explain(ont, asserted, inferred), asserted);
 * </pre>
 */
public final class ExplanationGraph {
  private ExplanationGraph() {}

  public static Graph write(Explainer.Result result, Graph asserted) {
    Graph out = GraphFactory.createDefaultGraph();
    Map<List<Node>, List<Node>> statements = statementsByTriple(asserted);
    Set<Triple> premises = new LinkedHashSet<>();
    Set<Triple> stored = new HashSet<>();
    for (Derivation d : result.derivations().values()) {
      if (recomputed(d)) continue;
      stored.add(d.conclusion());
      Node n = reify(out, d.conclusion());
      out.add(Triple.create(n, SOV.derivedBy, d.rule().iri()));
      for (Triple p : d.premises()) {
        out.add(Triple.create(n, SOV.premise, node(p)));
        premises.add(p);
      }
    }
    for (Triple p : premises) {
      if (stored.contains(p)) continue;
      Node n = reify(out, p);
      for (Node st : statements.getOrDefault(List.of(p.getSubject(), p.getPredicate(), p.getObject()), List.of()))
        out.add(Triple.create(n, SOV.premiseStatement, st));
    }
    return out;
  }

  /**
   * Whether a derivation is left for queries/explain/0-why.rq to recompute rather than stored: the
   * one-step hierarchy rules (sub-class, sub-property), nine in ten inferred triples, whose premises
   * one query finds again from the store (a type or triple by a narrower class or property, asserted
   * or explained in turn, and the hierarchy path). Not when the axiom applied is one of RDFS's own,
   * which the store does not hold.
   */
  public static boolean recomputed(Derivation d) {
    return (d.rule() == InferenceRule.SUB_CLASS || d.rule() == InferenceRule.SUB_PROPERTY)
        && d.premises().stream().noneMatch(Explainer.RDFS_AXIOMS::contains);
  }

  /** The IRI naming a triple: the same triple gets the same IRI in every build. */
  public static Node node(Triple t) {
    return NodeFactory.createURI(Namespaces.TRIPLE + Hashes.of(List.of(Explainer.key(t))));
  }

  private static Node reify(Graph out, Triple t) {
    Node n = node(t);
    out.add(Triple.create(n, RDF.subject.asNode(), t.getSubject()));
    out.add(Triple.create(n, RDF.predicate.asNode(), t.getPredicate()));
    out.add(Triple.create(n, RDF.object.asNode(), t.getObject()));
    return n;
  }

  private static Map<List<Node>, List<Node>> statementsByTriple(Graph asserted) {
    Map<List<Node>, List<Node>> out = new HashMap<>();
    asserted.find(Node.ANY, SOV.statementSubject, Node.ANY).forEachRemaining(t -> {
      Node st = t.getSubject();
      // Only what the plain triple stands for: not attributed claims or deprecated versions of it.
      if (asserted.contains(st, Std.type, SOV.AttributedClaim) || asserted.contains(st, SOV.rank, SOV.DeprecatedRank)) return;
      var p = asserted.find(st, SOV.statementProperty, Node.ANY).nextOptional();
      var v = asserted.find(st, SOV.statementValue, Node.ANY).nextOptional();
      if (p.isPresent() && v.isPresent())
        out.computeIfAbsent(List.of(t.getObject(), p.get().getObject(), v.get().getObject()), k -> new java.util.ArrayList<>()).add(st);
    });
    return out;
  }
}
