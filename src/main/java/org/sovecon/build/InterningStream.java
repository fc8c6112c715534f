package org.sovecon.build;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;

/**
 * Passes triples on with one object per distinct term. The converter makes a new IRI or literal for
 * every cell it reads, so an entity named in ten thousand rows was ten thousand equal strings in the
 * graph: at x100 the terms' strings took more heap than the triples (docs/benchmarks.md). The map
 * lives as long as the conversion.
 */
final class InterningStream extends StreamRDFWrapper {
  private final Map<Node, Node> terms = new HashMap<>();

  InterningStream(StreamRDF next) {
    super(next);
  }

  private Node one(Node n) {
    return n.isBlank() || n.isVariable() ? n : terms.computeIfAbsent(n, k -> k);
  }

  @Override
  public void triple(Triple t) {
    super.triple(Triple.create(one(t.getSubject()), one(t.getPredicate()), one(t.getObject())));
  }
}
