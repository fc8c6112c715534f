package org.sovecon.asof;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.sovecon.vocab.Namespaces;
import org.sovecon.convert.EdtfDate;
import org.sovecon.vocab.SOV;

/**
 * When a statement may hold, read from its {@code sov:earliest} and {@code sov:latest} (the EDTF
 * bounds of all its dates: "1927" runs from 1927-01-01 to 1927-12-31) and from which qualifiers it
 * has. A statement with a start but no end is open towards the future (not known to have ended); one
 * with an end but no start is open towards the past; an open end is closed by a later removal of the
 * same subject from the same post or body ({@code sov:removedFrom}, {@code sov:expelledFrom}); one with only a date (or a date value) holds
 * within that date's bounds; one with no date at all has no span (undated).
 *
 * <pre>
 *   Optional<Span> s = Span.of(graph, statement);
 *   boolean held = s.isPresent() && s.get().overlaps(Span.ofDay(LocalDate.parse("1927-12-01")));
 * </pre>
 */
public record Span(LocalDate from, LocalDate to) {
  public static final LocalDate OPEN_PAST = LocalDate.MIN, OPEN_FUTURE = LocalDate.MAX;

  public static Span ofDay(LocalDate d) {
    return new Span(d, d);
  }

  /** A date as typed by a user: 1927-12-01, 1927-12 or 1927 (the whole month or year), or an EDTF interval. */
  public static Optional<Span> parse(String text) {
    return EdtfDate.parse(text.trim()).map(d -> new Span(d.earliestDay(), d.latestDay()));
  }

  /** The statement's span; empty when it is undated. */
  public static Optional<Span> of(Graph g, Node statement) {
    Optional<LocalDate> e = day(g, statement, SOV.earliest), l = day(g, statement, SOV.latest);
    if (e.isEmpty() || l.isEmpty()) return Optional.empty();
    boolean start = g.contains(statement, SOV.qStart, Node.ANY), end = g.contains(statement, SOV.qEnd, Node.ANY);
    if (start && !end) return Optional.of(new Span(e.get(), closedBy(g, statement, e.get()).orElse(OPEN_FUTURE)));
    if (start || end) return Optional.of(new Span(start ? e.get() : OPEN_PAST, end ? l.get() : OPEN_FUTURE));
    return Optional.of(new Span(e.get(), l.get()));
  }

  /** Removals that end a holding the text gives no end for: someone removed from, or expelled from, what they held. */
  static final List<Node> CLOSING = List.of(
      NodeFactory.createURI(Namespaces.SOV + "removedFrom"), NodeFactory.createURI(Namespaces.SOV + "expelledFrom"));

  /**
   * The latest day of the first removal, after the start, of the statement's subject from the
   * statement's value (a post, a body): a post held from 1926 with no end, and a removal from that
   * post in October 1926, make a span that ends on 1926-10-31.
   */
  private static Optional<LocalDate> closedBy(Graph g, Node statement, LocalDate from) {
    Node subject = one(g, statement, SOV.statementSubject), value = one(g, statement, SOV.statementValue);
    if (subject == null || value == null || !value.isURI()) return Optional.empty();
    LocalDate best = null;
    for (Triple t : g.find(Node.ANY, SOV.statementSubject, subject).toList()) {
      Node other = t.getSubject();
      if (!CLOSING.contains(one(g, other, SOV.statementProperty)) || !value.equals(one(g, other, SOV.statementValue))) continue;
      Optional<LocalDate> e = day(g, other, SOV.earliest), l = day(g, other, SOV.latest);
      if (e.isEmpty() || l.isEmpty() || l.get().isBefore(from)) continue;
      if (best == null || l.get().isBefore(best)) best = l.get();
    }
    return Optional.ofNullable(best);
  }

  /** The first object of {@code s p ?}, or null; for the properties a statement has at most once. */
  static Node one(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? it.next().getObject() : null;
    } finally {
      it.close();
    }
  }

  /** True when some day of this span may be a day of the other: the broad (possible) reading of uncertain bounds. */
  public boolean overlaps(Span other) {
    return !from.isAfter(other.to) && !other.from.isAfter(to);
  }

  private static Optional<LocalDate> day(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    try {
      while (it.hasNext()) {
        Node o = it.next().getObject();
        if (o.isLiteral()) {
          try {
            return Optional.of(LocalDate.parse(o.getLiteralLexicalForm()));
          } catch (java.time.format.DateTimeParseException ignored) {
            // not a day: the converter writes only xsd:date here, so another value is someone else's
          }
        }
      }
      return Optional.empty();
    } finally {
      it.close();
    }
  }
}
