package org.sovecon.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.sovecon.convert.OriginIndex;
import org.sovecon.table.Row;
import org.sovecon.vocab.Std;

/**
 * Finds cycles in the tables' transitive properties ({@code partOf}, {@code subordinateTo}): a body
 * that is part of itself through others. The reasoner would accept it and infer that each member
 * is part of every other; it is always a wrong id or a reversed row. Each cycle is reported once,
 * at the row of one of its links, naming the whole loop.
 */
public final class CycleCheck {
  private CycleCheck() {}

  public static void check(Graph ontology, Graph asserted, OriginIndex origins, ProblemReporter reporter) {
    List<Node> transitive = ontology.find(Node.ANY, Std.type, org.apache.jena.vocabulary.OWL.TransitiveProperty.asNode())
        .mapWith(Triple::getSubject).filterKeep(Node::isURI).toList();
    for (Node p : transitive) {
      Map<Node, List<Node>> edges = new HashMap<>();
      asserted.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
        if (t.getObject().isURI()) edges.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t.getObject());
      });
      Set<Node> done = new HashSet<>();
      for (Node start : edges.keySet().stream().sorted((a, b) -> a.getURI().compareTo(b.getURI())).toList()) {
        if (done.contains(start)) continue;
        List<Node> cycle = findCycle(start, edges, done);
        if (cycle.isEmpty()) continue;
        report(p, cycle, origins, reporter);
      }
    }
  }

  /** Depth-first from {@code start}; returns the first cycle met (its nodes in order), or an empty list. */
  private static List<Node> findCycle(Node start, Map<Node, List<Node>> edges, Set<Node> done) {
    Deque<Node> path = new ArrayDeque<>();
    Set<Node> onPath = new HashSet<>();
    Deque<java.util.Iterator<Node>> next = new ArrayDeque<>();
    path.push(start);
    onPath.add(start);
    next.push(edges.getOrDefault(start, List.of()).iterator());
    while (!path.isEmpty()) {
      var it = next.peek();
      if (!it.hasNext()) {
        Node n = path.pop();
        onPath.remove(n);
        done.add(n);
        next.pop();
        continue;
      }
      Node o = it.next();
      if (onPath.contains(o)) {
        List<Node> cycle = new ArrayList<>();
        for (Node n : (Iterable<Node>) path::descendingIterator) cycle.add(n);
        done.addAll(cycle);
        return cycle.subList(cycle.indexOf(o), cycle.size());
      }
      if (done.contains(o)) continue;
      path.push(o);
      onPath.add(o);
      next.push(edges.getOrDefault(o, List.of()).iterator());
    }
    return List.of();
  }

  private static void report(Node p, List<Node> cycle, OriginIndex origins, ProblemReporter reporter) {
    StringBuilder loop = new StringBuilder();
    for (Node n : cycle) loop.append(localName(n)).append(" → ");
    loop.append(localName(cycle.get(0)));
    String message = localName(p) + " goes round in a circle: " + loop + " (a thing cannot be " + localName(p) + " itself)";
    // The link that closes the loop: from the last member back to the first.
    Triple closing = Triple.create(cycle.get(cycle.size() - 1), p, cycle.get(0));
    var origin = origins.origin(closing);
    if (origin.isPresent()) {
      Row r = origin.get().row();
      reporter.report(Problem.error(r.file(), r.line(), r.column(origin.get().column()), ProblemCode.CYCLE, message));
    } else {
      reporter.report(Problem.error(null, 0, 0, ProblemCode.CYCLE, message));
    }
  }

  private static String localName(Node n) {
    String s = n.getURI();
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
  }
}
