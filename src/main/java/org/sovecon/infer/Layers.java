package org.sovecon.infer;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Several graphs read as one without copying them: the asserted graph, the ontology and what each
 * stage has derived so far. Matches come back as a list, so that a caller may add to one of the
 * graphs while it walks them.
 */
record Layers(List<Graph> graphs) {
  static Layers of(Graph... graphs) {
    return new Layers(List.of(graphs));
  }

  boolean contains(Triple t) {
    for (Graph g : graphs) if (g.contains(t)) return true;
    return false;
  }

  List<Triple> find(Node s, Node p, Node o) {
    List<Triple> out = new ArrayList<>();
    for (Graph g : graphs) g.find(s, p, o).forEachRemaining(out::add);
    return out;
  }

  /** The objects of {@code s p ?}, or with {@code forward} false the subjects of {@code ? p o}. */
  List<Node> next(Node from, Node p, boolean forward) {
    List<Node> out = new ArrayList<>();
    for (Triple t : forward ? find(from, p, Node.ANY) : find(Node.ANY, p, from)) out.add(forward ? t.getObject() : t.getSubject());
    return out;
  }
}
