package org.sovecon.serve.pages;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.system.G;
import org.sovecon.asof.AsOfFilter;
import org.sovecon.asof.Span;
import org.sovecon.asof.Standing;
import org.sovecon.report.Explanations;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * An entity as the graph stood on a date: how each statement about it stands ({@link Standing}, the
 * decision behind {@code sov:holdsOn} and the exports' {@link AsOfFilter}), which of its plain and
 * inferred triples and of the links to it were not in force, and whether the entity itself had not yet
 * begun or had ended. The rules are the exports' rules applied to one entity: a plain triple is not in
 * force when every statement standing for it is not; an inferred triple when a recorded premise of it
 * is such a triple; any triple when an entity it links had not begun or had ended.
 *
 * <pre>
 *   AsOfView d = AsOfView.read(dataset, view, "1927-12", Span.parse("1927-12").orElseThrow());  // in a read transaction
 *   d.standing(statementNode)   // HOLDS, NOT_IN_FORCE or UNDATED
 * </pre>
 */
record AsOfView(Node entity, String date, Span on, Map<Node, Optional<Span>> spans, Map<Node, Standing> standings, Set<Triple> notInForce,
    Set<Triple> inboundNotInForce, Optional<AsOfFilter.Absence> absence) {

  /** Reads the statements from the asserted graph, as the exports do (the statements live there alone). */
  static AsOfView read(Dataset ds, EntityView v, String date, Span on) {
    Graph g = ds.asDatasetGraph().getGraph(SOV.graphAsserted);
    Node e = v.iri();
    Map<Node, Optional<Span>> spans = new HashMap<>();
    Map<Node, Standing> standings = new HashMap<>();
    Map<Triple, Boolean> plainKept = new HashMap<>();
    Optional<AsOfFilter.Absence> absence = Optional.empty();
    for (Triple t : g.find(Node.ANY, SOV.statementSubject, e).toList()) {
      Node st = t.getSubject();
      Optional<Span> span = Span.of(g, st);
      Standing s = Standing.of(span, on);
      spans.put(st, span);
      standings.put(st, s);
      AsOfFilter.plain(g, st, e).ifPresent(p -> plainKept.merge(p, s != Standing.NOT_IN_FORCE, Boolean::logicalOr));
      if (absence.isEmpty()) absence = AsOfFilter.absence(g, st, span, on);
    }
    Set<Triple> notInForce = new HashSet<>();
    plainKept.forEach((t, kept) -> {
      if (!kept) notInForce.add(t);
    });
    // Followed to a fixed point, as the exports do: a premise may itself be an inferred triple of the entity.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (var d : v.derivations().entrySet())
        if (!notInForce.contains(d.getKey()) && d.getValue().premises().stream().anyMatch(notInForce::contains))
          changed |= notInForce.add(d.getKey());
    }
    return new AsOfView(e, date, on, spans, standings, notInForce, inboundNotInForce(ds, g, v, on, absence.isPresent()), absence);
  }

  /**
   * The links to the entity ({@code s p entity}) not in force on the date: all of them when the entity
   * itself had not begun or had ended; those from an entity that had not begun or had ended; a plain link whose every statement was not in force; an inferred link one of
   * whose recorded premises was, by the same two rules, not in force (one step: a premise that is itself
   * inferred is not followed further). A citation's list of the statements citing it is about the text,
   * not the date, and is not judged.
   */
  private static Set<Triple> inboundNotInForce(Dataset ds, Graph g, EntityView v, Span on, boolean entityAbsent) {
    Map<Node, Boolean> absent = new HashMap<>();
    Predicate<Node> isAbsent = n -> n.isURI() && absent.computeIfAbsent(n, x -> hasAbsence(g, x, on));
    // The statements with the entity as value, read once: whether any of each link's was in force.
    Map<Triple, Boolean> linkKept = new HashMap<>();
    for (Triple byValue : g.find(Node.ANY, SOV.statementValue, v.iri()).toList()) {
      Node st = byValue.getSubject();
      Node s = G.getZeroOrOneSP(g, st, SOV.statementSubject), p = G.getZeroOrOneSP(g, st, SOV.statementProperty);
      if (s != null && p != null)
        linkKept.merge(Triple.create(s, p, v.iri()), Standing.of(Span.of(g, st), on) != Standing.NOT_IN_FORCE, Boolean::logicalOr);
    }
    Set<Triple> out = new HashSet<>();
    Set<Triple> inferred = new HashSet<>();
    for (EntityView.Inbound i : v.inbound()) {
      if (i.property().equals(Std.wasDerivedFrom)) continue;
      Triple t = Triple.create(i.subject(), i.property(), v.iri());
      if (entityAbsent || isAbsent.test(i.subject())) out.add(t);
      else if (i.inferred()) inferred.add(t);
      else if (Boolean.FALSE.equals(linkKept.get(t))) out.add(t);
    }
    Explanations.derivations(ds, inferred).forEach((t, d) -> {
      if (d.premises().stream().map(Explanations.Premise::triple)
          .anyMatch(p -> isAbsent.test(p.getSubject()) || isAbsent.test(p.getObject()) || allStatementsOut(g, p, on)))
        out.add(t);
    });
    return out;
  }

  /** Whether statements stand for the plain triple {@code t} and none of them was in force on the date. */
  private static boolean allStatementsOut(Graph g, Triple t, Span on) {
    boolean judged = false;
    for (Triple byValue : g.find(Node.ANY, SOV.statementValue, t.getObject()).toList()) {
      Node st = byValue.getSubject();
      if (!g.contains(st, SOV.statementSubject, t.getSubject()) || !g.contains(st, SOV.statementProperty, t.getPredicate())) continue;
      if (Standing.of(Span.of(g, st), on) != Standing.NOT_IN_FORCE) return false;
      judged = true;
    }
    return judged;
  }

  /** Whether an entity had not begun or had ended on the date, by its own statements. */
  private static boolean hasAbsence(Graph g, Node entity, Span on) {
    for (Triple t : g.find(Node.ANY, SOV.statementSubject, entity).toList())
      if (AsOfFilter.absence(g, t.getSubject(), Span.of(g, t.getSubject()), on).isPresent()) return true;
    return false;
  }

  /** Whether a link to the entity was in force on the date. */
  boolean inForce(EntityView.Inbound link) {
    return !inboundNotInForce.contains(Triple.create(link.subject(), link.property(), entity));
  }

  Standing standing(Node statement) {
    return standings.getOrDefault(statement, Standing.UNDATED);
  }

  boolean inForce(Triple t) {
    return !notInForce.contains(t);
  }

  /**
   * The entity's RDF without what was not in force: the statements that were not (every triple in
   * or to them, and citations only they cite), and the plain and inferred triples that were not. An entity that had not begun
   * or had ended has, as in the exports, no triples on that date.
   */
  Model filter(Model description) {
    Model out = ModelFactory.createDefaultModel().setNsPrefixes(description);
    if (absence.isPresent()) return out;
    Set<Resource> keptCitations = new HashSet<>();
    for (Statement s : description.listStatements().toList()) {
      if (standings.get(s.getSubject().asNode()) == Standing.NOT_IN_FORCE || standings.get(s.getObject().asNode()) == Standing.NOT_IN_FORCE
          || notInForce.contains(s.asTriple())) continue;
      out.add(s);
      if (s.getPredicate().getURI().equals(Namespaces.PROV + "wasDerivedFrom") && s.getObject().isResource())
        keptCitations.add(s.getResource());
    }
    // Citation nodes cited only by statements left out go too.
    for (Statement s : out.listStatements().toList()) {
      Resource subj = s.getSubject();
      if (subj.getURI() != null && subj.getURI().startsWith(Namespaces.CITATION) && !keptCitations.contains(subj)
          && !subj.asNode().equals(entity)) out.remove(s);
    }
    return out;
  }

  /** A span for a reader: "1922-01-01 – open". */
  static String describe(Optional<Span> span) {
    if (span.isEmpty()) return "undated";
    Span s = span.get();
    String from = s.from().equals(Span.OPEN_PAST) ? "open" : s.from().toString();
    String to = s.to().equals(Span.OPEN_FUTURE) ? "open" : s.to().toString();
    return from.equals(to) ? from : from + " – " + to;
  }
}
