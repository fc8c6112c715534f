package org.sovecon.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.sovecon.infer.explain.ExplanationGraph;
import org.sovecon.infer.explain.InferenceRule;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * Reads why the graph holds a triple from a built store: the derivation the build recorded in
 * {@code <…/graph/explanations>}, its premises in turn, down to asserted triples and their citations.
 *
 * <pre>
 *   Explanations.Step why = Explanations.of(dataset, Explanations.parse("sv:x", "sov:partOf", "sv:y")).orElseThrow();
 *   System.out.print(why.text());
 * </pre>
 */
public final class Explanations {
  private Explanations() {}

  /** How the graph comes to hold one triple. */
  public enum Kind { ASSERTED, INFERRED, AXIOM }

  /** One triple of an explanation: how it is known, the rule if inferred, its premises, its citations ("bettelheim 2563-2566"). */
  public record Step(Triple triple, String words, Kind kind, Optional<InferenceRule> rule, List<Step> premises, List<String> citations) {
    /** The chain as indented lines of plain words. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      write(sb, 0);
      return sb.toString();
    }

    private void write(StringBuilder sb, int depth) {
      String pad = "  ".repeat(depth);
      sb.append(pad).append(depth == 0 ? "" : "- ").append(words);
      switch (kind) {
        case INFERRED -> sb.append("\n").append(pad).append("  inferred (").append(rule.map(InferenceRule::localName).orElse("?"))
            .append(": ").append(rule.map(InferenceRule::because).orElse("")).append(") because:");
        case ASSERTED -> sb.append(citations.isEmpty() ? "  [stated in the tables]" : "  [stated: " + String.join("; ", citations) + "]");
        case AXIOM -> sb.append("  [axiom of the ontology]");
      }
      sb.append("\n");
      for (Step p : premises) p.write(sb, depth + 1);
    }
  }

  /** A triple typed on the command line: prefixed names (sv:gosplan), {@code <IRIs>} or literals ("1921"^^xsd:gYear). */
  public static Triple parse(String s, String p, String o) {
    PrefixMap pm = PrefixMapFactory.create(Namespaces.prefixes());
    return Triple.create(node(s, pm), "a".equals(p) ? RDF.type.asNode() : node(p, pm), node(o, pm));
  }

  private static Node node(String text, PrefixMap pm) {
    try {
      return NodeFactoryExtra.parseNode(text, pm);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IRI, a prefixed name (sv:gosplan) or a literal: " + e.getMessage());
    }
  }

  /** The explanation of a triple, or empty when the store does not hold it. */
  public static Optional<Step> of(Dataset ds, Triple t) {
    return Txn.calculateRead(ds, () -> {
      DatasetGraph dsg = ds.asDatasetGraph();
      Reader r = new Reader(dsg);
      if (!r.holds(t)) return Optional.<Step>empty();
      return Optional.of(r.step(t, new HashSet<>()));
    });
  }

  private static final class Reader {
    final Graph explanations, asserted, ontology, inferred, all;

    Reader(DatasetGraph dsg) {
      explanations = dsg.getGraph(SOV.graphExplanations);
      asserted = dsg.getGraph(SOV.graphAsserted);
      ontology = dsg.getGraph(SOV.graphOntology);
      inferred = dsg.getGraph(SOV.graphInferred);
      all = dsg.getUnionGraph();
    }

    boolean holds(Triple t) {
      return asserted.contains(t) || ontology.contains(t) || inferred.contains(t);
    }

    Step step(Triple t, Set<Triple> seen) {
      Node n = ExplanationGraph.node(t);
      Optional<Node> rule = one(explanations, n, SOV.derivedBy);
      if (rule.isPresent() && seen.add(t)) {
        List<Step> premises = new ArrayList<>();
        explanations.find(n, SOV.premise, Node.ANY).forEachRemaining(p -> premises.add(step(triple(p.getObject()), seen)));
        premises.sort(java.util.Comparator.comparing(Step::kind));
        return new Step(t, words(t), Kind.INFERRED, InferenceRule.byIri(rule.get().getURI()), premises, List.of());
      }
      if (ontology.contains(t) && !asserted.contains(t)) return new Step(t, words(t), Kind.AXIOM, Optional.empty(), List.of(), List.of());
      return new Step(t, words(t), Kind.ASSERTED, Optional.empty(), List.of(), citations(t, n));
    }

    Triple triple(Node n) {
      return Triple.create(one(explanations, n, RDF.subject.asNode()).orElseThrow(),
          one(explanations, n, RDF.predicate.asNode()).orElseThrow(), one(explanations, n, RDF.object.asNode()).orElseThrow());
    }

    /** The citations the build attached to a premise, or, for a triple asked about directly, its statements'. */
    List<String> citations(Triple t, Node n) {
      Set<Node> cits = new java.util.LinkedHashSet<>();
      explanations.find(n, Std.wasDerivedFrom, Node.ANY).forEachRemaining(c -> cits.add(c.getObject()));
      if (cits.isEmpty()) {
        asserted.find(Node.ANY, SOV.statementSubject, t.getSubject()).forEachRemaining(st -> {
          Node s = st.getSubject();
          if (asserted.contains(s, SOV.statementProperty, t.getPredicate()) && asserted.contains(s, SOV.statementValue, t.getObject()))
            asserted.find(s, Std.wasDerivedFrom, Node.ANY).forEachRemaining(c -> cits.add(c.getObject()));
        });
      }
      List<String> out = new ArrayList<>();
      for (Node c : cits) {
        Optional<Node> src = one(asserted, c, SOV.citedSource).flatMap(s -> one(asserted, s, Std.dcIdentifier));
        Optional<Node> lines = one(asserted, c, SOV.lines);
        out.add(src.map(Node::getLiteralLexicalForm).orElse(NodeFmtLib.strNT(c)) + lines.map(l -> " " + l.getLiteralLexicalForm()).orElse(""));
      }
      return out;
    }

    String words(Triple t) {
      return label(t.getSubject()) + " — " + (t.getPredicate().equals(RDF.type.asNode()) ? "is a" : label(t.getPredicate()))
          + " — " + label(t.getObject()) + "   (" + shortForm(t.getSubject()) + " " + shortForm(t.getPredicate()) + " " + shortForm(t.getObject()) + ")";
    }

    String label(Node n) {
      if (n.isLiteral()) return n.getLiteralLexicalForm();
      for (Node p : List.of(SOV.displayLabel, Std.label, Std.prefLabel)) {
        var it = all.find(n, p, Node.ANY);
        try {
          while (it.hasNext()) {
            Node l = it.next().getObject();
            if (l.isLiteral() && (l.getLiteralLanguage().isEmpty() || l.getLiteralLanguage().startsWith("en"))) return l.getLiteralLexicalForm();
          }
        } finally {
          it.close();
        }
      }
      return shortForm(n);
    }
  }

  /** English labels of everything labelled, read once, for showing triples in words. */
  public static final class Labels {
    private final java.util.Map<Node, String> labels = new java.util.HashMap<>();

    public String of(Node n) {
      if (n.isLiteral()) return n.getLiteralLexicalForm();
      return labels.getOrDefault(n, shortForm(n));
    }
  }

  public static Labels labels(Dataset ds) {
    Labels l = new Labels();
    Txn.executeRead(ds, () -> {
      Graph all = ds.asDatasetGraph().getUnionGraph();
      // Later properties win: the display label over rdfs:label.
      for (Node p : List.of(Std.prefLabel, Std.label, SOV.displayLabel))
        all.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
          Node o = t.getObject();
          if (o.isLiteral() && (o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().startsWith("en"))) l.labels.put(t.getSubject(), o.getLiteralLexicalForm());
        });
    });
    return l;
  }

  static String shortForm(Node n) {
    if (!n.isURI()) return NodeFmtLib.strNT(n);
    String s = Namespaces.prefixes().shortForm(n.getURI());
    return s.equals(n.getURI()) ? "<" + s + ">" : s;
  }

  private static Optional<Node> one(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    } finally {
      it.close();
    }
  }
}
