package org.sovecon.infer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;

/**
 * The rules Jena ran forward: owl:sameAs (symmetry, transitivity, replacement of subject and object)
 * and the property chains. Jena's forward rules saw only the asserted triples and their own
 * conclusions, never what its backward rules (hierarchies, inverses, transitivity) derived, so a
 * chain here joins only asserted and forward-derived triples, as it did there; {@link
 * InstanceExpansion} then applies the backward rules to the result.
 *
 * <pre>
 *   Graph forward = EqualityAndChains.derive(tables, Layers.of(asserted, ontology));
 * </pre>
 */
final class EqualityAndChains {
  private EqualityAndChains() {}

  private static final Node SAME_AS = OWL2.sameAs.asNode();

  /** The new triples, each a join of a new triple (semi-naive) with the asserted and earlier ones. */
  static Graph derive(SchemaTables tables, Layers asserted) {
    Graph out = GraphFactory.createDefaultGraph();
    Layers known = new Layers(append(asserted.graphs(), out));
    Map<Node, Set<Node>> same = sameAsClasses(asserted);
    Map<Node, List<Link>> links = chainLinks(tables.chains());
    if (same.isEmpty() && links.isEmpty()) return out;
    ArrayDeque<Triple> todo = new ArrayDeque<>();
    for (Set<Node> cls : new HashSet<>(same.values()))
      for (Node x : cls) for (Node y : cls) if (!x.equals(y)) offer(Triple.create(x, SAME_AS, y), known, out, todo);
    for (Graph g : asserted.graphs()) {
      g.find().forEachRemaining(t -> {
        if (same.containsKey(t.getSubject()) || same.containsKey(t.getObject()) || links.containsKey(t.getPredicate())) todo.add(t);
      });
    }
    while (!todo.isEmpty()) {
      Triple t = todo.poll();
      if (!t.getPredicate().equals(SAME_AS)) {
        for (Node s : same.getOrDefault(t.getSubject(), Set.of(t.getSubject())))
          for (Node o : same.getOrDefault(t.getObject(), Set.of(t.getObject())))
            offer(Triple.create(s, t.getPredicate(), o), known, out, todo);
      }
      for (Link at : links.getOrDefault(t.getPredicate(), List.of())) chain(t, at, known, out, todo);
    }
    return out;
  }

  /** Each chain through a new link: the ends reachable backwards from its subject and forwards from its object. */
  private static void chain(Triple t, Link at, Layers known, Graph out, ArrayDeque<Triple> todo) {
    Set<Node> starts = Set.of(t.getSubject()), ends = Set.of(t.getObject());
    for (int j = at.position() - 1; j >= 0; j--) starts = step(starts, at.chain().get(j), false, known);
    for (int j = at.position() + 1; j < at.chain().size(); j++) ends = step(ends, at.chain().get(j), true, known);
    for (Node s : starts) for (Node o : ends) offer(Triple.create(s, at.property(), o), known, out, todo);
  }

  private static Set<Node> step(Set<Node> from, Node p, boolean forward, Layers known) {
    Set<Node> out = new LinkedHashSet<>();
    for (Node n : from) out.addAll(known.next(n, p, forward));
    return out;
  }

  private static void offer(Triple t, Layers known, Graph out, ArrayDeque<Triple> todo) {
    if (known.contains(t)) return;
    out.add(t);
    todo.add(t);
  }

  /** A property's place in a chain: {@code property} is defined by {@code chain}, whose link {@code position} it is. */
  private record Link(Node property, List<Node> chain, int position) {}

  private static Map<Node, List<Link>> chainLinks(Map<Node, List<List<Node>>> chains) {
    Map<Node, List<Link>> out = new HashMap<>();
    chains.forEach((property, defs) -> {
      for (List<Node> chain : defs)
        for (int i = 0; i < chain.size(); i++)
          out.computeIfAbsent(chain.get(i), x -> new ArrayList<>()).add(new Link(property, chain, i));
    });
    return out;
  }

  /** The members of each node's owl:sameAs class, for the nodes in one; the asserted sameAs links are its only source. */
  private static Map<Node, Set<Node>> sameAsClasses(Layers asserted) {
    Map<Node, Set<Node>> cls = new HashMap<>();
    for (Triple t : asserted.find(Node.ANY, SAME_AS, Node.ANY)) {
      Set<Node> a = cls.computeIfAbsent(t.getSubject(), x -> new LinkedHashSet<>(List.of(x)));
      Set<Node> b = cls.computeIfAbsent(t.getObject(), x -> new LinkedHashSet<>(List.of(x)));
      if (a == b) continue;
      a.addAll(b);
      for (Node n : b) cls.put(n, a);
    }
    return cls;
  }

  private static List<Graph> append(List<Graph> gs, Graph g) {
    List<Graph> out = new ArrayList<>(gs);
    out.add(g);
    return out;
  }
}
