package org.sovecon.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.sovecon.infer.explain.InferenceRule;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * Why the graph holds a triple, read from a built store by the catalogued query
 * {@code queries/explain/0-why.rq} (copied into the jar): the derivation the build stored, or, for the
 * one-step hierarchy rules, the one the query recomputes; its premises in turn, down to asserted
 * triples and their citations. The entity pages use {@link #derivations} too, so the command line,
 * the pages and SPARQL give one answer.
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
            .append(": ").append(rule.map(InferenceRule::because).orElse("")).append(")").append(premises.isEmpty() ? "" : " because:");
        case ASSERTED -> sb.append(citations.isEmpty() ? "  [stated in the tables]" : "  [stated: " + String.join("; ", citations) + "]");
        case AXIOM -> sb.append("  [axiom of the ontology]");
      }
      sb.append("\n");
      for (Step p : premises) p.write(sb, depth + 1);
    }
  }

  /** A premise of a derivation: the triple, how the graph holds it, and, if asserted, its citations. */
  public record Premise(Triple triple, Kind kind, List<String> citations) {}

  /** One derivation of an inferred triple: the rule (rule:…) and its premises. */
  public record Derivation(Node rule, List<Premise> premises) {}

  /** The query, with an example row in its VALUES block, which {@link #derivations} replaces. */
  static final String WHY = Queries.load("explain/0-why");
  private static final Pattern VALUES = Pattern.compile("(VALUES \\(\\?s \\?p \\?o\\) \\{)[^}]*(\\})");

  /**
   * One derivation for each of the given inferred triples (the first the query gives, which prefers a
   * stated premise); a triple the store does not hold as inferred is absent from the map, and so is
   * one with a blank node, which SPARQL cannot name in VALUES.
   */
  public static Map<Triple, Derivation> derivations(Dataset ds, Collection<Triple> triples) {
    Map<Triple, Derivation> out = new LinkedHashMap<>();
    triples = triples.stream().filter(t -> !t.getSubject().isBlank() && !t.getObject().isBlank()).toList();
    if (triples.isEmpty()) return out;
    Map<Triple, Node> via = new HashMap<>();
    Map<List<Object>, Premise> premises = new LinkedHashMap<>();
    Queries.select(ds, whyQuery(triples), row -> {
      Triple t = Triple.create(row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode());
      Node v = row.get("via").asNode();
      if (!via.computeIfAbsent(t, k -> v).equals(v)) return; // another derivation of the same triple
      Derivation d = out.computeIfAbsent(t, k -> new Derivation(row.get("rule").asNode(), new ArrayList<>()));
      Triple pt = Triple.create(row.get("premiseSubject").asNode(), row.get("premiseProperty").asNode(), row.get("premiseObject").asNode());
      Premise p = premises.computeIfAbsent(List.of(t, pt), k -> {
        Premise np = new Premise(pt, Kind.valueOf(row.getLiteral("premiseKind").getString().toUpperCase(java.util.Locale.ROOT)), new ArrayList<>());
        d.premises().add(np);
        return np;
      });
      if (row.contains("citation")) {
        String c = row.contains("source") ? row.getLiteral("source").getString() : NodeFmtLib.strNT(row.get("citation").asNode());
        if (row.contains("lines")) c += " " + row.getLiteral("lines").getString();
        if (!p.citations().contains(c)) p.citations().add(c);
      }
    });
    return out;
  }

  /** The catalogued query with the given triples as its VALUES rows. */
  static String whyQuery(Collection<Triple> triples) {
    StringBuilder rows = new StringBuilder("\n");
    for (Triple t : triples)
      rows.append("    (").append(NodeFmtLib.strNT(t.getSubject())).append(' ').append(NodeFmtLib.strNT(t.getPredicate()))
          .append(' ').append(NodeFmtLib.strNT(t.getObject())).append(")\n");
    Matcher m = VALUES.matcher(WHY);
    if (!m.find()) throw new IllegalStateException("queries/explain/0-why.rq has no VALUES (?s ?p ?o) { … } block");
    return WHY.substring(0, m.end(1)) + rows + "  " + WHY.substring(m.start(2));
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
      Reader r = new Reader(ds);
      if (!r.holds(t)) return Optional.<Step>empty();
      return Optional.of(r.step(t, new HashSet<>()));
    });
  }

  private static final class Reader {
    final Dataset ds;
    final Graph asserted, ontology, inferred, all;

    Reader(Dataset ds) {
      this.ds = ds;
      DatasetGraph dsg = ds.asDatasetGraph();
      asserted = dsg.getGraph(SOV.graphAsserted);
      ontology = dsg.getGraph(SOV.graphOntology);
      inferred = dsg.getGraph(SOV.graphInferred);
      all = dsg.getUnionGraph();
    }

    boolean holds(Triple t) {
      return asserted.contains(t) || ontology.contains(t) || inferred.contains(t);
    }

    /** {@code path}: the inferred triples being explained above this one, so that a circle stops. */
    Step step(Triple t, Set<Triple> path) {
      if (inferred.contains(t)) {
        Derivation d = path.add(t) ? derivations(ds, List.of(t)).get(t) : null;
        if (d == null) return new Step(t, words(t), Kind.INFERRED, Optional.empty(), List.of(), List.of());
        List<Step> premises = new ArrayList<>();
        for (Premise p : d.premises())
          premises.add(p.kind() == Kind.INFERRED ? step(p.triple(), path) : new Step(p.triple(), words(p.triple()), p.kind(), Optional.empty(), List.of(), p.citations()));
        path.remove(t);
        premises.sort(java.util.Comparator.comparing(Step::kind));
        return new Step(t, words(t), Kind.INFERRED, InferenceRule.byIri(d.rule().getURI()), premises, List.of());
      }
      if (ontology.contains(t) && !asserted.contains(t)) return new Step(t, words(t), Kind.AXIOM, Optional.empty(), List.of(), List.of());
      return new Step(t, words(t), Kind.ASSERTED, Optional.empty(), List.of(), citations(t));
    }

    /** The citations of an asserted triple asked about directly: its statements'. */
    List<String> citations(Triple t) {
      Set<Node> cits = new java.util.LinkedHashSet<>();
      asserted.find(Node.ANY, SOV.statementSubject, t.getSubject()).forEachRemaining(st -> {
        Node s = st.getSubject();
        if (asserted.contains(s, SOV.statementProperty, t.getPredicate()) && asserted.contains(s, SOV.statementValue, t.getObject()))
          asserted.find(s, Std.wasDerivedFrom, Node.ANY).forEachRemaining(c -> cits.add(c.getObject()));
      });
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
