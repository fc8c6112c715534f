package org.sovecon.infer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sovecon.vocab.Namespaces;

/**
 * What the ontology says about classes and properties, closed under the same rules as before and put
 * in lookup tables for the per-triple expansion. The closure is Jena's rule engine run on the schema
 * alone (the ontology plus the few data triples that speak about classes and properties): a few
 * thousand triples, where its cost does not matter.
 *
 * <pre>
 *   SchemaTables tables = SchemaTables.of(ontology, asserted);
 *   tables.superProperties(p);   // every strict super-property, equivalent ones included
 * </pre>
 */
record SchemaTables(Graph closure, Map<Node, Set<Node>> superClasses, Map<Node, Set<Node>> superProperties,
    Map<Node, Set<Node>> domains, Map<Node, Set<Node>> ranges, Map<Node, Set<Node>> inverses,
    Set<Node> symmetric, Set<Node> transitive, Map<Node, List<List<Node>>> chains) {

  private static final Node TYPE = RDF.type.asNode();

  /** The schema vocabulary a data triple may use: such triples join the ontology for the closure. */
  private static final Set<Node> SCHEMA_PREDICATES = Set.of(RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode(),
      RDFS.domain.asNode(), RDFS.range.asNode(), OWL2.inverseOf.asNode(), OWL2.equivalentClass.asNode(),
      OWL2.equivalentProperty.asNode(), OWL2.propertyChainAxiom.asNode(), OWL2.unionOf.asNode(),
      OWL2.intersectionOf.asNode(), OWL2.oneOf.asNode(), OWL2.onProperty.asNode(), OWL2.disjointWith.asNode(),
      RDF.first.asNode(), RDF.rest.asNode());

  /**
   * What the OWL Micro rules turn into instance rules beyond the tables here (restrictions, class
   * intersections): refused rather than silently left out.
   */
  private static final List<Node> UNSUPPORTED = List.of(OWL2.onProperty.asNode(), OWL2.intersectionOf.asNode());

  static SchemaTables of(Graph ontology, Graph asserted) {
    Graph schema = GraphFactory.createDefaultGraph();
    ontology.find().forEachRemaining(schema::add);
    asserted.find().forEachRemaining(t -> {
      if (isSchema(t)) schema.add(t);
    });
    for (Node construct : UNSUPPORTED)
      if (schema.find(Node.ANY, construct, Node.ANY).hasNext())
        throw new IllegalArgumentException("the ontology uses " + construct.getURI()
            + ", which the streaming materializer does not implement (run with -Dsovecon.infer=jena)");
    // The chains are the ontology's alone, as Jena's rules were built from it: a data triple is no axiom.
    Graph closure = JenaRuleMaterializer.closure(ontology, schema);
    Map<Node, Set<Node>> sup = new HashMap<>(), subProp = new HashMap<>(), dom = new HashMap<>(), ran = new HashMap<>(), inv = new HashMap<>();
    Set<Node> sym = new HashSet<>(), trans = new HashSet<>();
    closure.find().forEachRemaining(t -> {
      Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
      if (p.equals(RDFS.subClassOf.asNode()) && !s.equals(o)) add(sup, s, o);
      else if (p.equals(RDFS.subPropertyOf.asNode()) && !s.equals(o)) add(subProp, s, o);
      else if (p.equals(RDFS.domain.asNode())) add(dom, s, o);
      else if (p.equals(RDFS.range.asNode())) add(ran, s, o);
      else if (p.equals(OWL2.inverseOf.asNode())) add(inv, s, o);
      else if (p.equals(TYPE) && o.equals(OWL2.SymmetricProperty.asNode())) sym.add(s);
      else if (p.equals(TYPE) && o.equals(OWL2.TransitiveProperty.asNode())) trans.add(s);
    });
    return new SchemaTables(closure, sup, subProp, dom, ran, inv, sym, trans, PropertyChainRules.chains(ontology));
  }

  private static boolean isSchema(Triple t) {
    if (SCHEMA_PREDICATES.contains(t.getPredicate())) return true;
    if (!t.getPredicate().equals(TYPE) || !t.getObject().isURI()) return false;
    String o = t.getObject().getURI();
    return o.startsWith(Namespaces.RDF) || o.startsWith(Namespaces.RDFS) || o.startsWith(Namespaces.OWL);
  }

  private static void add(Map<Node, Set<Node>> m, Node k, Node v) {
    m.computeIfAbsent(k, x -> new HashSet<>()).add(v);
  }

  Set<Node> superClassesOf(Node c) {
    return superClasses.getOrDefault(c, Set.of());
  }

  Set<Node> superPropertiesOf(Node p) {
    return superProperties.getOrDefault(p, Set.of());
  }

  Set<Node> domainsOf(Node p) {
    return domains.getOrDefault(p, Set.of());
  }

  Set<Node> rangesOf(Node p) {
    return ranges.getOrDefault(p, Set.of());
  }

  Set<Node> inversesOf(Node p) {
    return inverses.getOrDefault(p, Set.of());
  }
}
