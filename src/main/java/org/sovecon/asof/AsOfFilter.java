package org.sovecon.asof;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.sovecon.report.Explanations;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;

/**
 * The graph as it stood on a date, for exports: a copy of a built dataset without what did not hold
 * on that date. Left out are (1) dated statements whose span ({@link Span}) misses the date, with
 * their plain triple unless another statement of the same triple holds or is undated; (2) entities
 * that began after the date or ended before it (by their founded, startDate, introduced, born and
 * dissolved, endDate, abolished, died statements), with every triple that mentions them; (3) inferred
 * triples whose recorded premises are gone, in turn. Undated statements stay: the graph cannot tell
 * when they held. The explanations and claim-links graphs are left out of the copy.
 *
 * <pre>
 *   Dataset asOf = AsOfFilter.apply(dataset, Span.parse("1927-12-01").orElseThrow());
 * </pre>
 */
public final class AsOfFilter {
  private AsOfFilter() {}

  /** What the filter left out, for the command's report. */
  public record Removed(int statements, int entities, int inferred) {}

  public record Filtered(Dataset dataset, Removed removed) {}

  static final List<String> BEGINS = List.of("founded", "startDate", "introduced", "born");
  static final List<String> ENDS = List.of("dissolved", "endDate", "abolished", "died");

  public static Filtered apply(Dataset source, Span on) {
    return Txn.calculateRead(source, () -> filter(source, on));
  }

  private static Filtered filter(Dataset source, Span on) {
    DatasetGraph in = source.asDatasetGraph();
    Graph asserted = in.getGraph(SOV.graphAsserted);
    Set<Node> goneStatements = new HashSet<>();
    Set<Node> gone = new HashSet<>();
    Map<Triple, Boolean> plainKept = new HashMap<>();
    asserted.find(Node.ANY, SOV.statementSubject, Node.ANY).forEachRemaining(t -> {
      Node st = t.getSubject();
      Optional<Span> span = Span.of(asserted, st);
      boolean holds = Standing.of(span, on) != Standing.NOT_IN_FORCE;
      Optional<Triple> plain = plain(asserted, st, t.getObject());
      plain.ifPresent(p -> plainKept.merge(p, holds, Boolean::logicalOr));
      if (!holds) goneStatements.add(st);
      if (absence(asserted, st, span, on).isPresent()) gone.add(t.getObject());
    });
    Set<Triple> goneTriples = new HashSet<>();
    plainKept.forEach((t, kept) -> {
      if (!kept) goneTriples.add(t);
    });
    DatasetGraph out = DatasetGraphFactory.createTxnMem();
    int[] inferredDropped = {0};
    Txn.executeWrite(out, () -> {
      for (Node g : List.of(SOV.graphOntology, SOV.graphAsserted)) {
        in.getGraph(g).find().forEachRemaining(t -> {
          if (keep(t, goneStatements, gone, goneTriples)) out.add(g, t.getSubject(), t.getPredicate(), t.getObject());
          else if (!goneStatements.contains(t.getSubject()) && g.equals(SOV.graphAsserted)) goneTriples.add(t);
        });
      }
      Set<Node> mentioned = new HashSet<>(gone);
      mentioned.addAll(goneStatements);
      inferredDropped[0] = copyInferred(source, out, mentioned, goneTriples);
    });
    return new Filtered(DatasetFactory.wrap(out), new Removed(goneStatements.size(), gone.size(), inferredDropped[0]));
  }

  /** Whether an entity began after the date or ended before it. */
  public enum Absence { NOT_YET, NO_LONGER }

  /**
   * What a statement says of its subject's existence on the date: that it began after the date
   * (a founded, startDate, introduced or born statement) or ended before it (dissolved, endDate,
   * abolished, died); empty when it says neither. An entity so marked is not part of the graph on
   * that date.
   */
  public static Optional<Absence> absence(Graph g, Node statement, Optional<Span> span, Span on) {
    if (span.isEmpty()) return Optional.empty();
    String prop = local(Span.one(g, statement, SOV.statementProperty));
    if (BEGINS.contains(prop) && span.get().from().isAfter(on.to())) return Optional.of(Absence.NOT_YET);
    if (ENDS.contains(prop) && span.get().to().isBefore(on.from())) return Optional.of(Absence.NO_LONGER);
    return Optional.empty();
  }

  private static boolean keep(Triple t, Set<Node> goneStatements, Set<Node> gone, Set<Triple> goneTriples) {
    if (goneStatements.contains(t.getSubject()) || goneStatements.contains(t.getObject())) return false;
    if (gone.contains(t.getSubject()) || gone.contains(t.getObject())) return false;
    return !goneTriples.contains(t);
  }

  /**
   * Inferred triples stay unless they mention a gone entity or the premises of their derivation
   * (stored, or recomputed by queries/explain/0-why.rq, as {@code explain} gives it) include a triple
   * the filter removed (followed to a fixed point, since premises may be inferred too). One derivation
   * is taken per triple, so a triple another derivation would keep may be left out.
   */
  private static int copyInferred(Dataset source, DatasetGraph out, Set<Node> gone, Set<Triple> goneTriples) {
    Graph inferred = source.asDatasetGraph().getGraph(SOV.graphInferred);
    Map<Triple, List<Triple>> premises = new HashMap<>();
    Explanations.derivations(source, inferred.find().toList()).forEach((t, d) ->
        premises.put(t, d.premises().stream().map(Explanations.Premise::triple).toList()));
    Set<Triple> dropped = new HashSet<>(goneTriples);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Triple t : inferred.find().toList()) {
        if (dropped.contains(t)) continue;
        boolean drop = gone.contains(t.getSubject()) || gone.contains(t.getObject())
            || premises.getOrDefault(t, List.of()).stream().anyMatch(dropped::contains);
        if (drop) {
          dropped.add(t);
          changed = true;
        }
      }
    }
    int n = 0;
    for (Triple t : inferred.find().toList()) {
      if (dropped.contains(t)) n++;
      else out.add(SOV.graphInferred, t.getSubject(), t.getPredicate(), t.getObject());
    }
    return n;
  }

  /** The plain triple a statement stands for, when it has one (claims and deprecated versions do not). */
  public static Optional<Triple> plain(Graph g, Node st, Node subject) {
    Node p = Span.one(g, st, SOV.statementProperty), v = Span.one(g, st, SOV.statementValue);
    if (p == null || v == null) return Optional.empty();
    Triple t = Triple.create(subject, p, v);
    return g.contains(t) ? Optional.of(t) : Optional.empty();
  }

  private static String local(Node n) {
    if (n == null || !n.isURI()) return "";
    return n.getURI().startsWith(Namespaces.SOV) ? n.getURI().substring(Namespaces.SOV.length()) : "";
  }

}
