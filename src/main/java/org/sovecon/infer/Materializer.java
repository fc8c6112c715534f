package org.sovecon.infer;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sovecon.vocab.Namespaces;

/**
 * Computes, once at build time, what the ontology entails about the data, and returns only the new
 * triples (they go to a named graph of their own). The entailments are those of Jena's OWL Micro
 * rules (class and property hierarchies, domains and ranges, inverses, transitive and symmetric
 * properties), the OWL 2 RL equality rules for owl:sameAs and one rule per
 * {@code owl:propertyChainAxiom}, as {@link JenaRuleMaterializer} computed them, but streamed: the
 * schema is closed once into small tables ({@link SchemaTables}), the forward rules join where they
 * must ({@link EqualityAndChains}), and every triple is then expanded on its own, with a join only for
 * transitive properties ({@link InstanceExpansion}). Memory grows with the inferred triples, not with
 * a rule engine's queues. {@code -Dsovecon.infer=jena} runs Jena's rule engine instead, for comparison.
 *
 * <pre>
 *   Graph inferred = Materializer.infer(ontologyGraph, assertedGraph);
 * </pre>
 */
public final class Materializer {
  private Materializer() {}

  /** The system property that picks Jena's rule engine ({@code jena}) over the streaming one. */
  public static final String ENGINE = "sovecon.infer";

  public static Graph infer(Graph ontology, Graph asserted) {
    if ("jena".equals(System.getProperty(ENGINE))) return JenaRuleMaterializer.infer(ontology, asserted);
    SchemaTables tables = SchemaTables.of(ontology, asserted);
    Graph forward = EqualityAndChains.derive(tables, Layers.of(asserted, ontology));
    Graph out = InstanceExpansion.derive(tables, Layers.of(asserted, ontology, forward));
    forward.find().forEachRemaining(out::add);
    // What the schema entails about itself and the ontology's own individuals.
    tables.closure().find().forEachRemaining(t -> {
      if (!asserted.contains(t) && !ontology.contains(t)) out.add(t);
    });
    List<Triple> dropped = new ArrayList<>();
    out.find().forEachRemaining(t -> {
      if (!worthKeeping(t)) dropped.add(t);
    });
    dropped.forEach(out::delete);
    return out;
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
}
