package org.sovecon.infer;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sovecon.vocab.Namespaces;

/**
 * Computes, once at build time, what the ontology entails about the data, and returns only the new
 * triples (they go to a named graph of their own). The rules are Jena's OWL Micro set (class and
 * property hierarchies, domains and ranges, inverses, transitive and symmetric properties), the OWL 2
 * RL equality rules for owl:sameAs ({@code equality.rules}), and one rule per
 * {@code owl:propertyChainAxiom}: Jena's OWL rules cover neither.
 *
 * <pre>
 *   Graph inferred = Materializer.infer(ontologyGraph, assertedGraph);
 * </pre>
 */
public final class Materializer {
  private Materializer() {}

  private static final String OWL_MICRO_RULES = "etc/owl-fb-micro.rules";

  /** owl:sameAs, which OWL Micro leaves out (see the file's comment). Read as text: it may sit in a jar. */
  private static List<Rule> equalityRules() {
    try (var in = Materializer.class.getResourceAsStream("equality.rules")) {
      return Rule.parseRules(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Graph infer(Graph ontology, Graph asserted) {
    List<Rule> rules = new ArrayList<>();
    for (Rule r : Rule.rulesFromURL(OWL_MICRO_RULES)) if (!concludesDifferentFrom(r)) rules.add(r);
    rules.addAll(equalityRules());
    rules.addAll(PropertyChainRules.from(ontology));
    GenericRuleReasoner reasoner = new GenericRuleReasoner(rules);
    reasoner.setMode(GenericRuleReasoner.HYBRID);
    reasoner.setOWLTranslation(true);
    reasoner.setTransitiveClosureCaching(true);
    InfGraph inf = reasoner.bindSchema(ontology).bind(asserted);
    inf.prepare();
    Graph out = GraphFactory.createDefaultGraph();
    ExtendedIterator<Triple> it = inf.find(Node.ANY, Node.ANY, Node.ANY);
    try {
      while (it.hasNext()) {
        Triple t = it.next();
        if (worthKeeping(t) && !asserted.contains(t) && !ontology.contains(t)) out.add(t);
      }
    } finally {
      it.close();
    }
    return out;
  }

  /**
   * Disjoint classes make every instance of one different from every instance of the other: millions
   * of owl:differentFrom triples that no query needs (our ids are already distinct IRIs).
   */
  private static boolean concludesDifferentFrom(Rule r) {
    for (var head : r.getHead())
      if (head instanceof org.apache.jena.reasoner.TriplePattern tp && OWL2.differentFrom.asNode().equals(tp.getPredicate()))
        return true;
    return false;
  }

  /**
   * Leaves out what every OWL reasoner says of everything (x a owl:Thing, x sameAs x, C subClassOf
   * C), triples about blank nodes (list cells, restrictions) and about the RDF/OWL vocabularies
   * themselves: they add volume and answer no historian's question.
   */
  static boolean worthKeeping(Triple t) {
    Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
    if (s.isBlank() || o.isBlank()) return false;
    if (p.equals(OWL2.differentFrom.asNode())) return false;
    if (!s.isURI()) return false;
    if (builtIn(s)) return false;
    if (p.equals(RDF.type.asNode()) && (builtIn(o) && !o.getURI().startsWith(Namespaces.OWL + "Functional")))
      return false;
    if (s.equals(o) && (p.equals(OWL2.sameAs.asNode()) || p.equals(RDFS.subClassOf.asNode())
        || p.equals(RDFS.subPropertyOf.asNode()) || p.equals(OWL2.equivalentClass.asNode())
        || p.equals(OWL2.equivalentProperty.asNode()))) return false;
    if (o.isURI() && (o.equals(OWL2.Thing.asNode()) || o.equals(RDFS.Resource.asNode()))) return false;
    if (p.equals(RDFS.subClassOf.asNode()) && o.equals(OWL2.Thing.asNode())) return false;
    if (o.equals(OWL2.Nothing.asNode())) return false;
    return true;
  }

  private static boolean builtIn(Node n) {
    if (!n.isURI()) return false;
    String u = n.getURI();
    return u.startsWith(Namespaces.RDF) || u.startsWith(Namespaces.RDFS) || u.startsWith(Namespaces.OWL)
        || u.startsWith(Namespaces.XSD);
  }

  /** The count of a graph's triples, for reports. */
  public static long size(Graph g) {
    return g.size();
  }

  static Graph union(Graph a, Graph b) {
    return ModelFactory.createUnion(ModelFactory.createModelForGraph(a), ModelFactory.createModelForGraph(b)).getGraph();
  }
}
