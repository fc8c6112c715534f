package org.sovecon.export.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A network of entities for Gephi, Cytoscape, NetworkX or igraph: one node per entity, one edge per
 * cited statement (never merged: two sources for one fact are two edges, each with its id), or per
 * pair of entities named in the same passage. Read by {@link NetworkReader}, narrowed by
 * {@link NetworkPreset} and {@link #during}, written by a {@link NetworkFormat}.
 */
public record Network(String name, boolean directed, List<Node> nodes, List<Edge> edges) {
  /** The period the graph covers: open ends of an interval are closed at these days. */
  public static final LocalDate PERIOD_START = LocalDate.of(1917, 1, 1);
  public static final LocalDate PERIOD_END = LocalDate.of(1932, 12, 31);

  /** A closed interval of days, start never after end. */
  public record Interval(LocalDate start, LocalDate end) {
    public Interval {
      if (start.isAfter(end)) throw new IllegalArgumentException("interval " + start + " after " + end);
    }

    /**
     * The interval from what is known: a missing start is closed at the period's start, a missing
     * end at its end (or at {@code start}'s own end when that is later). Nothing known: empty.
     */
    static Optional<Interval> closing(LocalDate start, LocalDate startLatest, LocalDate end, LocalDate endEarliest) {
      if (start == null && end == null) return Optional.empty();
      LocalDate s = start != null ? start : min(PERIOD_START, endEarliest);
      LocalDate e = end != null ? end : max(PERIOD_END, startLatest);
      return Optional.of(new Interval(s, max(e, s)));
    }

    Interval hull(Interval other) {
      return new Interval(min(start, other.start), max(end, other.end));
    }

    boolean overlaps(LocalDate from, LocalDate to) {
      return !end.isBefore(from) && !start.isAfter(to);
    }
  }

  /** What an edge stands for; claims are their own kind, so a tool can show or hide them. */
  public enum EdgeKind {
    FACT("fact"), CLAIM("claim"), CO_OCCURRENCE("co-occurrence");

    private final String label;

    EdgeKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An entity: its id (the local name of its IRI), kind, labels, Wikidata item and own dates. */
  public record Node(String id, String kind, String labelEn, String labelRu, String wikidata, String iri,
      Optional<Interval> interval) {
    Node withInterval(Optional<Interval> i) {
      return new Node(id, kind, labelEn, labelRu, wikidata, iri, i);
    }
  }

  /**
   * A statement (or a co-occurrence) between two nodes, with the property, the citation (source id
   * and lines), the claimant of a claim, the rank, the role at an event, the statement's IRI, and an
   * interval: the statement's own dates, or those of the event or document it links to ({@code
   * datedBy} says which).
   */
  public record Edge(String id, String source, String target, EdgeKind kind, String property, String document,
      String lines, String claimant, String rank, String role, String statement, Optional<Interval> interval,
      String datedBy) {
    /** What the edge says, as a GEXF edge kind: {@code fact:memberOf}, {@code claim:supported}, {@code co-occurrence}. */
    public String gexfKind() {
      return kind == EdgeKind.CO_OCCURRENCE ? kind.label() : kind.label() + ":" + property;
    }

    boolean directed() {
      return kind != EdgeKind.CO_OCCURRENCE;
    }
  }

  /** The edges {@code keep} accepts, with only the nodes they touch. */
  public Network select(String newName, boolean directedEdges, Predicate<Edge> keep) {
    List<Edge> kept = edges.stream().filter(keep).toList();
    return withEdges(newName, directedEdges, kept);
  }

  /**
   * The edges whose interval meets [from, to] (both days included), with the nodes they touch. An
   * undated edge is left out: a period asks for what is known to fall in it.
   */
  public Network during(LocalDate from, LocalDate to) {
    return withEdges(name, directed, edges.stream()
        .filter(e -> e.interval().map(i -> i.overlaps(from, to)).orElse(false)).toList());
  }

  public Map<String, Node> nodesById() {
    Map<String, Node> m = new HashMap<>();
    nodes.forEach(n -> m.put(n.id(), n));
    return m;
  }

  /**
   * Keeps the nodes the edges touch, and widens a dated node's interval to cover its dated edges:
   * Gephi hides an edge while either end is absent.
   */
  private Network withEdges(String newName, boolean directedEdges, List<Edge> kept) {
    Set<String> touched = new HashSet<>();
    Map<String, Interval> span = new HashMap<>();
    for (Edge e : kept) {
      touched.add(e.source());
      touched.add(e.target());
      e.interval().ifPresent(i -> {
        span.merge(e.source(), i, Interval::hull);
        span.merge(e.target(), i, Interval::hull);
      });
    }
    List<Node> ns = new ArrayList<>();
    for (Node n : nodes) {
      if (!touched.contains(n.id())) continue;
      ns.add(n.interval().isEmpty() ? n : n.withInterval(n.interval().map(i -> span.containsKey(n.id()) ? i.hull(span.get(n.id())) : i)));
    }
    return new Network(newName, directedEdges, List.copyOf(ns), List.copyOf(kept));
  }

  /**
   * Each edge's kind for tools that keep one edge per pair of nodes and kind (Gephi merges the rest
   * on import): {@link Edge#gexfKind}, and for the second and later edge of the same kind between
   * the same two nodes (two sources for one fact) a numbered kind, {@code fact:memberOf#2}. So no
   * edge is merged, and the kinds stay few enough to filter by.
   */
  public Map<String, String> distinctKinds() {
    Map<String, String> out = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Edge e : edges) {
      String a = e.source(), b = e.target();
      if (!e.directed() && a.compareTo(b) > 0) {
        String t = a;
        a = b;
        b = t;
      }
      int n = seen.merge(a + " " + b + " " + e.gexfKind(), 1, Integer::sum);
      out.put(e.id(), n == 1 ? e.gexfKind() : e.gexfKind() + "#" + n);
    }
    return out;
  }

  /** Edge counts per kind, for the command's report. */
  public Map<EdgeKind, Long> edgesPerKind() {
    Map<EdgeKind, Long> m = new LinkedHashMap<>();
    for (EdgeKind k : EdgeKind.values()) m.put(k, edges.stream().filter(e -> e.kind() == k).count());
    return m;
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  static LocalDate max(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
