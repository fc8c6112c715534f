package org.sovecon.asof;

import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * How a statement stands on a date, by {@link Span}'s reading of its dates: it may hold then, it
 * certainly does not (it started later or ended earlier), or it is undated and the graph cannot tell.
 * The one decision behind {@code sov:holdsOn} ({@link HoldsOn}: true only for {@link #HOLDS}), the
 * exports' {@link AsOfFilter} (which keeps all but {@link #NOT_IN_FORCE}) and the entity pages.
 *
 * <pre>
 *   Standing s = Standing.of(graph, statement, Span.parse("1927-12").orElseThrow());
 * </pre>
 */
public enum Standing {
  HOLDS, NOT_IN_FORCE, UNDATED;

  public static Standing of(Graph g, Node statement, Span on) {
    return of(Span.of(g, statement), on);
  }

  public static Standing of(Optional<Span> span, Span on) {
    if (span.isEmpty()) return UNDATED;
    return span.get().overlaps(on) ? HOLDS : NOT_IN_FORCE;
  }
}
