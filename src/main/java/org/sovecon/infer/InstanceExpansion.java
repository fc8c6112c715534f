package org.sovecon.infer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The rules Jena ran backwards, applied forwards to every triple in turn: sub-property, domain and
 * range with the super-classes of each, inverse, symmetric, type to super-types, each conclusion
 * expanded in its turn until nothing new comes; and the one join these rules need, the transitive
 * closure of each transitive property, each new link joined with the links already known on both
 * sides (semi-naive). Memory: the new triples, plus what the asserted graph already indexes.
 *
 * <pre>
 *   Graph derived = InstanceExpansion.derive(tables, Layers.of(asserted, ontology, forward));
 * </pre>
 */
final class InstanceExpansion {
  private static final Node TYPE = RDF.type.asNode();

  private final SchemaTables tables;
  private final Graph out = GraphFactory.createDefaultGraph();
  private final Layers known;
  private final ArrayDeque<Triple> todo = new ArrayDeque<>();

  private InstanceExpansion(SchemaTables tables, Layers input) {
    this.tables = tables;
    List<Graph> graphs = new ArrayList<>(input.graphs());
    graphs.add(out);
    this.known = new Layers(graphs);
  }

  static Graph derive(SchemaTables tables, Layers input) {
    InstanceExpansion x = new InstanceExpansion(tables, input);
    for (Graph g : input.graphs()) {
      var it = g.find();
      while (it.hasNext()) {
        x.expand(it.next());
        x.drain();
      }
    }
    return x.out;
  }

  private void drain() {
    while (!todo.isEmpty()) expand(todo.poll());
  }

  private void expand(Triple t) {
    Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
    if (p.equals(TYPE)) {
      // The closure's class hierarchy is transitive already: one look-up gives every super-type.
      for (Node c : tables.superClassesOf(o)) keptType(Triple.create(s, TYPE, c));
      // rdf:type's own range (rdfs:Class) concludes only C a rdfs:Class, which Materializer.worthKeeping drops.
      return;
    }
    for (Node q : tables.superPropertiesOf(p)) offer(Triple.create(s, q, o));
    for (Node c : tables.domainsOf(p)) type(s, c);
    for (Node c : tables.rangesOf(p)) type(o, c);
    for (Node q : tables.inversesOf(p)) offer(Triple.create(o, q, s));
    if (tables.symmetric().contains(p)) offer(Triple.create(o, p, s));
    if (tables.transitive().contains(p)) {
      for (Node z : known.next(o, p, true)) offer(Triple.create(s, p, z));
      for (Node a : known.next(s, p, false)) offer(Triple.create(a, p, o));
    }
  }

  /**
   * A type and its super-types at once: they conclude nothing but more types of the same subject, so
   * they are not queued, and those the build leaves out (a literal's types from a range, owl:Thing)
   * are not even stored.
   */
  private void type(Node s, Node c) {
    keptType(Triple.create(s, TYPE, c));
    for (Node d : tables.superClassesOf(c)) keptType(Triple.create(s, TYPE, d));
  }

  private void keptType(Triple t) {
    if (Materializer.worthKeeping(t)) add(t);
  }

  private void offer(Triple t) {
    if (add(t)) todo.add(t);
  }

  private boolean add(Triple t) {
    if (known.contains(t)) return false;
    out.add(t);
    return true;
  }
}
