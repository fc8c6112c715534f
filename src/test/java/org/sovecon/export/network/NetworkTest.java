package org.sovecon.export.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sovecon.export.network.Network.Edge;
import org.sovecon.export.network.Network.EdgeKind;
import org.sovecon.export.network.Network.Interval;
import org.sovecon.export.network.Network.Node;

/** Intervals, the ready-made networks and the period filter, on a network small enough to read. */
class NetworkTest {
  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  static Node node(String id, String kind, Interval i) {
    return new Node(id, kind, id, "", "", "https://w3id.org/sovecon/id/" + id, Optional.ofNullable(i));
  }

  static Edge edge(String id, String from, String to, EdgeKind kind, String property, Interval i) {
    return new Edge(id, from, to, kind, property, "bettelheim", "10-12", kind == EdgeKind.CLAIM ? "bettelheim" : "",
        "normal", "", "https://w3id.org/sovecon/statement/" + id, Optional.ofNullable(i), i == null ? "" : "statement");
  }

  static final Network SAMPLE = new Network("all", true,
      List.of(node("pyatakov", "Person", null), node("bukharin", "Person", null), node("vsnkh", "Organisation", null),
          node("osvok", "Organisation", new Interval(d("1925-01-01"), d("1928-12-31"))), node("nep", "Policy", null),
          node("isolated", "Concept", null)),
      List.of(edge("a", "pyatakov", "vsnkh", EdgeKind.FACT, "memberOf", new Interval(d("1923-01-01"), d("1932-12-31"))),
          edge("b", "pyatakov", "vsnkh", EdgeKind.FACT, "memberOf", null),
          edge("c", "osvok", "vsnkh", EdgeKind.FACT, "partOf", new Interval(d("1930-01-01"), d("1930-12-31"))),
          edge("d", "bukharin", "nep", EdgeKind.FACT, "supported", new Interval(d("1921-01-01"), d("1921-12-31"))),
          edge("e", "bukharin", "nep", EdgeKind.CLAIM, "supported", null),
          edge("f", "bukharin", "pyatakov", EdgeKind.CO_OCCURRENCE, "namedWith", null)));

  @Test
  void openEndsAreClosedAtThePeriodsBounds() {
    assertEquals(new Interval(d("1923-01-01"), d("1932-12-31")), Interval.closing(d("1923-01-01"), d("1923-12-31"), null, null).orElseThrow());
    assertEquals(new Interval(d("1917-01-01"), d("1925-12-31")), Interval.closing(null, null, d("1925-12-31"), d("1925-01-01")).orElseThrow());
    // A start after the period: the end is closed at the start's own end, never before the start.
    assertEquals(new Interval(d("1977-01-01"), d("1977-12-31")), Interval.closing(d("1977-01-01"), d("1977-12-31"), null, null).orElseThrow());
    // An end before the period: the start is closed at the end's own start.
    assertEquals(new Interval(d("1905-01-01"), d("1905-12-31")), Interval.closing(null, null, d("1905-12-31"), d("1905-01-01")).orElseThrow());
    assertTrue(Interval.closing(null, null, null, null).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new Interval(d("1930-01-01"), d("1929-01-01")));
  }

  @Test
  void gexfClipsIntervalsToThePeriodAndLeavesOutsidersUndated() {
    assertEquals(new Interval(d("1917-01-01"), d("1928-12-31")),
        GexfWriter.clip(Optional.of(new Interval(d("1873-01-01"), d("1928-12-31")))).orElseThrow());
    assertTrue(GexfWriter.clip(Optional.of(new Interval(d("1977-01-01"), d("1977-12-31")))).isEmpty());
  }

  @Test
  void presetsKeepTheirEdgesAndOnlyTheNodesTheyTouch() {
    Network bodies = NetworkPreset.PEOPLE_BODIES.of(SAMPLE);
    assertEquals(List.of("a", "b"), bodies.edges().stream().map(Edge::id).toList(), "parallel edges both kept");
    assertEquals(List.of("pyatakov", "vsnkh"), bodies.nodes().stream().map(Node::id).toList());
    assertEquals(List.of("c"), NetworkPreset.BODIES_HIERARCHY.of(SAMPLE).edges().stream().map(Edge::id).toList());
    assertEquals(List.of("d", "e"), NetworkPreset.PEOPLE_POLICIES.of(SAMPLE).edges().stream().map(Edge::id).toList());
    Network co = NetworkPreset.CO_OCCURRENCE.of(SAMPLE);
    assertEquals(List.of("f"), co.edges().stream().map(Edge::id).toList());
    assertTrue(!co.directed());
    assertTrue(NetworkPreset.ALL.of(SAMPLE).nodes().stream().noneMatch(n -> n.id().equals("isolated")));
    assertEquals("fact:supported", SAMPLE.edges().get(3).gexfKind());
    assertEquals("claim:supported", SAMPLE.edges().get(4).gexfKind());
  }

  @Test
  void parallelEdgesOfOneKindGetNumberedKindsSoGephiMergesNone() {
    var kinds = SAMPLE.distinctKinds();
    assertEquals("fact:memberOf", kinds.get("a"));
    assertEquals("fact:memberOf#2", kinds.get("b"));
    assertEquals("fact:supported", kinds.get("d"));
    assertEquals("claim:supported", kinds.get("e"));
  }

  @Test
  void aDatedNodeWidensToCoverItsEdges() {
    Network h = NetworkPreset.BODIES_HIERARCHY.of(SAMPLE);
    Node osvok = h.nodesById().get("osvok");
    assertEquals(new Interval(d("1925-01-01"), d("1930-12-31")), osvok.interval().orElseThrow());
  }

  @Test
  void aPeriodKeepsTheEdgesDatedWithinItAndDropsUndatedOnes() {
    Network in1921 = NetworkPreset.ALL.of(SAMPLE).during(d("1921-01-01"), d("1921-12-31"));
    assertEquals(List.of("d"), in1921.edges().stream().map(Edge::id).toList());
    Network in1925 = NetworkPreset.ALL.of(SAMPLE).during(d("1925-01-01"), d("1925-12-31"));
    assertEquals(List.of("a"), in1925.edges().stream().map(Edge::id).toList());
  }
}
