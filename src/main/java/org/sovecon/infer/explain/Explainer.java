package org.sovecon.infer.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sovecon.infer.PropertyChainRules;

/**
 * Finds one derivation for every inferred triple, after the reasoner has run. Jena's rule engine can
 * log derivations, but not for the triples its backward rules and transitive-closure cache produce,
 * and its derivations name internal rules; so the build re-derives each inferred triple in rounds by
 * the rules of {@link InferenceRule}: round 1 uses only asserted and ontology triples, round n also
 * the inferred triples explained in earlier rounds. A derivation is therefore well-founded (no
 * circles) and as shallow as any these rules allow.
 *
 * <pre>
 *   Explainer.Result r = Explainer.explain(ontology, asserted, inferred);
 *   r.derivations().get(triple);
 * </pre>
 */
public final class Explainer {
  private Explainer() {}

  /** The derivations, by conclusion, in a stable order; {@code fallback} counts those left to {@link InferenceRule#ENTAILED}. */
  public record Result(Map<Triple, Derivation> derivations, int fallback, int rounds) {}

  private static final Node TYPE = RDF.type.asNode();
  private static final Node SUB_CLASS = RDFS.subClassOf.asNode();
  private static final Node SUB_PROP = RDFS.subPropertyOf.asNode();
  private static final Node DOMAIN = RDFS.domain.asNode();
  private static final Node RANGE = RDFS.range.asNode();
  private static final Node EQ_CLASS = OWL2.equivalentClass.asNode();
  private static final Node EQ_PROP = OWL2.equivalentProperty.asNode();
  private static final Node INVERSE = OWL2.inverseOf.asNode();
  private static final Node SAME_AS = OWL2.sameAs.asNode();
  private static final Node TRANSITIVE = OWL2.TransitiveProperty.asNode();
  private static final Node SYMMETRIC = OWL2.SymmetricProperty.asNode();
  /** Properties the RDFS and OWL semantics make symmetric or transitive themselves. */
  private static final List<Node> BUILT_IN_SYMMETRIC = List.of(INVERSE, OWL2.disjointWith.asNode(), EQ_CLASS, EQ_PROP, SAME_AS);
  private static final List<Node> BUILT_IN_TRANSITIVE = List.of(SUB_CLASS, SUB_PROP, EQ_CLASS, EQ_PROP, SAME_AS);

  /** Axioms of RDFS itself that the data's inferences rest on (rdfs:isDefinedBy gives rdfs:seeAlso). */
  static final List<Triple> RDFS_AXIOMS = List.of(Triple.create(RDFS.isDefinedBy.asNode(), SUB_PROP, RDFS.seeAlso.asNode()));

  public static Result explain(Graph ontology, Graph asserted, Graph inferred) {
    // What a derivation may rest on: the ontology, RDFS's axioms, the data and the conclusions of
    // earlier rounds. A view over them, not a copy: a copy of the data was the build's largest object
    // after the data itself. The small graphs are Union's left operands, the side whose matches it
    // remembers to drop duplicates; a conclusion is never in the data or the ontology (the reasoner's
    // output leaves those out), so Union's add, which goes to the left, puts it in {@code concluded}.
    Graph schema = GraphFactory.createDefaultGraph();
    ontology.find().forEachRemaining(schema::add);
    RDFS_AXIOMS.forEach(schema::add);
    Graph concluded = GraphFactory.createDefaultGraph();
    Graph known = new Union(concluded, new Union(schema, asserted));
    Map<Node, List<List<Node>>> chains = PropertyChainRules.chains(ontology);
    List<Triple> todo = sorted(inferred.find().toList());
    Map<Triple, Derivation> found = new LinkedHashMap<>();
    int round = 0;
    while (!todo.isEmpty()) {
      round++;
      List<Derivation> now = new ArrayList<>();
      List<Triple> rest = new ArrayList<>();
      for (Triple t : todo) {
        Optional<Derivation> d = once(t, known, chains, round);
        if (d.isPresent()) now.add(d.get());
        else rest.add(t);
      }
      if (now.isEmpty()) break;
      // Added only after the round, so that each triple gets a derivation of the least depth.
      for (Derivation d : now) {
        known.add(d.conclusion());
        found.put(d.conclusion(), d);
      }
      todo = rest;
    }
    for (Triple t : todo) found.put(t, new Derivation(t, InferenceRule.ENTAILED, null, List.of(), round));
    return new Result(found, todo.size(), round);
  }

  static String key(Triple t) {
    return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
  }

  private static Optional<Derivation> once(Triple t, Graph k, Map<Node, List<List<Node>>> chains, int depth) {
    Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
    if (p.equals(TYPE)) {
      for (Triple ax : find(k, null, SUB_CLASS, o)) {
        Triple prem = Triple.create(s, TYPE, ax.getSubject());
        if (!ax.getSubject().equals(o) && k.contains(prem))
          return of(t, InferenceRule.SUB_CLASS, ax.getSubject(), depth, prem, ax);
      }
      for (Triple ax : symmetric(k, EQ_CLASS, o)) {
        Node d = ax.getSubject().equals(o) ? ax.getObject() : ax.getSubject();
        Triple prem = Triple.create(s, TYPE, d);
        if (k.contains(prem)) return of(t, InferenceRule.EQUIVALENT_CLASS, d, depth, prem, ax);
      }
      for (Triple ax : find(k, null, DOMAIN, o)) {
        List<Triple> uses = find(k, s, ax.getSubject(), null);
        if (!uses.isEmpty()) return of(t, InferenceRule.DOMAIN, ax.getSubject(), depth, uses.get(0), ax);
      }
      for (Triple ax : find(k, null, RANGE, o)) {
        List<Triple> uses = find(k, null, ax.getSubject(), s);
        if (!uses.isEmpty()) return of(t, InferenceRule.RANGE, ax.getSubject(), depth, uses.get(0), ax);
      }
    }
    if (p.equals(DOMAIN) || p.equals(RANGE)) {
      for (Triple sup : find(k, s, SUB_PROP, null)) {
        Triple prem = Triple.create(sup.getObject(), p, o);
        if (!sup.getObject().equals(s) && k.contains(prem)) return of(t, InferenceRule.SCHEMA_INHERITANCE, sup.getObject(), depth, sup, prem);
      }
      // The domain of a property is the range of its inverse, and the other way round.
      for (Triple ax : symmetric(k, INVERSE, s)) {
        Node q = ax.getSubject().equals(s) ? ax.getObject() : ax.getSubject();
        Triple prem = Triple.create(q, p.equals(DOMAIN) ? RANGE : DOMAIN, o);
        if (k.contains(prem)) return of(t, InferenceRule.SCHEMA_INHERITANCE, q, depth, ax, prem);
      }
      for (Triple narrower : find(k, s, p, null)) {
        Triple sup = Triple.create(narrower.getObject(), SUB_CLASS, o);
        if (!narrower.getObject().equals(o) && k.contains(sup)) return of(t, InferenceRule.SCHEMA_INHERITANCE, narrower.getObject(), depth, narrower, sup);
      }
    }
    if (BUILT_IN_SYMMETRIC.contains(p)) {
      Triple back = Triple.create(o, p, s);
      if (k.contains(back)) return of(t, InferenceRule.SYMMETRIC, null, depth, back);
    }
    if (BUILT_IN_TRANSITIVE.contains(p)) {
      Optional<Derivation> d = transitive(t, k, null, depth);
      if (d.isPresent()) return d;
    }
    if (p.equals(SUB_CLASS) || p.equals(SUB_PROP)) {
      Node eq = p.equals(SUB_CLASS) ? EQ_CLASS : EQ_PROP;
      for (Triple ax : List.of(Triple.create(s, eq, o), Triple.create(o, eq, s)))
        if (k.contains(ax)) return of(t, p.equals(SUB_CLASS) ? InferenceRule.EQUIVALENT_CLASS : InferenceRule.EQUIVALENT_PROPERTY, null, depth, ax);
    }
    for (Triple ax : find(k, null, SUB_PROP, p)) {
      Triple prem = Triple.create(s, ax.getSubject(), o);
      if (!ax.getSubject().equals(p) && k.contains(prem)) return of(t, InferenceRule.SUB_PROPERTY, ax.getSubject(), depth, prem, ax);
    }
    for (Triple ax : symmetric(k, EQ_PROP, p)) {
      Node q = ax.getSubject().equals(p) ? ax.getObject() : ax.getSubject();
      Triple prem = Triple.create(s, q, o);
      if (k.contains(prem)) return of(t, InferenceRule.EQUIVALENT_PROPERTY, q, depth, prem, ax);
    }
    for (Triple ax : symmetric(k, INVERSE, p)) {
      Node q = ax.getSubject().equals(p) ? ax.getObject() : ax.getSubject();
      Triple prem = Triple.create(o, q, s);
      if (k.contains(prem)) return of(t, InferenceRule.INVERSE, p, depth, prem, ax);
    }
    Triple symmetricAxiom = Triple.create(p, TYPE, SYMMETRIC);
    if (k.contains(symmetricAxiom) && k.contains(Triple.create(o, p, s)))
      return of(t, InferenceRule.SYMMETRIC, p, depth, Triple.create(o, p, s), symmetricAxiom);
    Triple transitiveAxiom = Triple.create(p, TYPE, TRANSITIVE);
    if (k.contains(transitiveAxiom)) {
      Optional<Derivation> d = transitive(t, k, transitiveAxiom, depth);
      if (d.isPresent()) return d;
    }
    for (List<Node> chain : chains.getOrDefault(p, List.of())) {
      List<Triple> path = new ArrayList<>();
      if (chainPath(k, s, o, chain, 0, path)) return Optional.of(new Derivation(t, InferenceRule.PROPERTY_CHAIN, p, List.copyOf(path), depth));
    }
    for (Triple same : find(k, s, SAME_AS, null)) {
      Triple prem = Triple.create(same.getObject(), p, o);
      if (k.contains(prem)) return of(t, InferenceRule.SAME_AS, null, depth, prem, same);
    }
    for (Triple same : find(k, o, SAME_AS, null)) {
      Triple prem = Triple.create(s, p, same.getObject());
      if (k.contains(prem)) return of(t, InferenceRule.SAME_AS, null, depth, prem, same);
    }
    return Optional.empty();
  }

  private static Optional<Derivation> transitive(Triple t, Graph k, Triple axiom, int depth) {
    Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
    for (Triple first : find(k, s, p, null)) {
      Node y = first.getObject();
      if (y.equals(s) || y.equals(o)) continue;
      Triple second = Triple.create(y, p, o);
      if (k.contains(second)) {
        return axiom == null ? of(t, InferenceRule.TRANSITIVE, null, depth, first, second)
            : of(t, InferenceRule.TRANSITIVE, p, depth, first, second, axiom);
      }
    }
    return Optional.empty();
  }

  private static boolean chainPath(Graph k, Node from, Node to, List<Node> chain, int i, List<Triple> path) {
    if (i == chain.size()) return from.equals(to);
    for (Triple step : find(k, from, chain.get(i), null)) {
      if (i == chain.size() - 1 && !step.getObject().equals(to)) continue;
      path.add(step);
      if (chainPath(k, step.getObject(), to, chain, i + 1, path)) return true;
      path.remove(path.size() - 1);
    }
    return false;
  }

  private static Optional<Derivation> of(Triple t, InferenceRule rule, Node axiom, int depth, Triple... premises) {
    return Optional.of(new Derivation(t, rule, axiom, List.of(premises), depth));
  }

  /** Matches in a stable order, so that a build explains a triple the same way each time. */
  private static List<Triple> find(Graph g, Node s, Node p, Node o) {
    List<Triple> out = g.find(s == null ? Node.ANY : s, p == null ? Node.ANY : p, o == null ? Node.ANY : o).toList();
    return out.size() > 1 ? sorted(out) : out;
  }

  /**
   * The triples in the order of their N-Triples text. Each text is made once: a comparator that made
   * both texts at every comparison made 2 n log n strings (40 per triple for the 150,000 inferred
   * triples at x10).
   */
  private static List<Triple> sorted(List<Triple> triples) {
    record Keyed(String key, Triple triple) {}
    List<Keyed> keyed = new ArrayList<>(triples.size());
    for (Triple t : triples) keyed.add(new Keyed(key(t), t));
    keyed.sort(Comparator.comparing(Keyed::key));
    List<Triple> out = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) out.add(k.triple());
    return out;
  }

  private static List<Triple> symmetric(Graph g, Node p, Node x) {
    List<Triple> out = new ArrayList<>(find(g, x, p, null));
    out.addAll(find(g, null, p, x));
    return out;
  }
}
