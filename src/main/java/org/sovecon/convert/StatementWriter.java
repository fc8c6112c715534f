package org.sovecon.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * Writes one fact in the Wikidata pattern: the plain triple {@code s sov:p o} (unless the fact is a
 * claim the graph only reports), and a statement node {@code s p:p ?st . ?st ps:p o} carrying the
 * qualifiers (pq:start, pq:end, pq:date, pq:role, pq:regarding), its standing (claimant, the work it was
 * stated in, rank) and the citation (prov:wasDerivedFrom).
 */
public final class StatementWriter {

  /** The qualifiers of a statement: when, and what the subject did at an event; nulls are left out. */
  public record Qualifiers(EdtfDate start, EdtfDate end, EdtfDate date, Node role, Node regarding) {
    public static final Qualifiers NONE = new Qualifiers(null, null, null, null, null);

    public Qualifiers(EdtfDate start, EdtfDate end, EdtfDate date) {
      this(start, end, date, null, null);
    }

    List<EdtfDate> dates(EdtfDate valueDate) {
      List<EdtfDate> all = new ArrayList<>();
      for (EdtfDate d : new EdtfDate[] {start, end, date, valueDate}) if (d != null) all.add(d);
      return all;
    }
  }

  /**
   * Who stands behind a statement and how far to trust it: the claimant (null when the text states
   * it as fact), the work it was stated in, its rank (never null) and the reason for the rank.
   */
  public record Standing(Node claimant, Node statedIn, Node rank, Node rankReason) {
    public static final Standing STATED = new Standing(null, null, SOV.NormalRank, null);

    /** Only facts the text states and does not deprecate become plain triples (Wikidata's truthy ones). */
    boolean truthy() {
      return claimant == null && !SOV.DeprecatedRank.equals(rank);
    }

    /** The provenance and rank triples, shared by statements and observations. */
    public void write(Node node, java.util.function.BiConsumer<Node, Node> emit) {
      if (claimant != null) emit.accept(SOV.claimedBy, claimant);
      if (statedIn != null) emit.accept(SOV.statedIn, statedIn);
      emit.accept(SOV.rank, rank);
      if (rankReason != null) emit.accept(SOV.rankReason, rankReason);
    }
  }

  private final StreamRDF out;
  private final Set<String> declared = new HashSet<>();

  public StatementWriter(StreamRDF out) {
    this.out = out;
  }

  /**
   * @param value the object, already parsed; {@code valueDate} when the value is a date, for its flags
   * @param seed the row's cells, so that the statement IRI is stable across builds
   * @return the statement node
   */
  public Node write(Node subject, Ontology.PropertyInfo property, Node value, EdtfDate valueDate,
      Qualifiers q, Standing standing, Node citation, String note, List<String> seed) {
    declare(property);
    Node st = NodeFactory.createURI(Namespaces.STATEMENT + localName(subject) + "-" + Hashes.of(seed));
    if (standing.truthy()) out.triple(org.apache.jena.graph.Triple.create(subject, property.iri(), value));
    triple(subject, uri(Namespaces.P, property.name()), st);
    triple(st, Std.type, standing.claimant() == null ? SOV.Statement : SOV.AttributedClaim);
    triple(st, SOV.statementSubject, subject);
    triple(st, SOV.statementProperty, property.iri());
    triple(st, uri(Namespaces.PS, property.name()), value);
    triple(st, SOV.statementValue, value);
    if (q.start() != null) triple(st, SOV.qStart, q.start().literal());
    if (q.end() != null) triple(st, SOV.qEnd, q.end().literal());
    if (q.date() != null) triple(st, SOV.qDate, q.date().literal());
    List<EdtfDate> dates = q.dates(valueDate);
    if (dates.stream().anyMatch(EdtfDate::approximate)) triple(st, SOV.qApproximate, bool(true));
    if (dates.stream().anyMatch(EdtfDate::uncertain)) triple(st, SOV.qUncertain, bool(true));
    // One sortable span per statement, whatever its dates are called: for ordering and "as of" filters.
    dates.stream().map(EdtfDate::earliestDay).min(Comparator.naturalOrder())
        .ifPresent(d -> triple(st, SOV.earliest, EdtfDate.day(d)));
    dates.stream().map(EdtfDate::latestDay).max(Comparator.naturalOrder())
        .ifPresent(d -> triple(st, SOV.latest, EdtfDate.day(d)));
    if (q.role() != null) triple(st, SOV.qRole, q.role());
    if (q.regarding() != null) triple(st, SOV.qRegarding, q.regarding());
    standing.write(st, (p, o) -> triple(st, p, o));
    if (note != null && !note.isEmpty()) triple(st, SOV.note, NodeFactory.createLiteralString(note));
    triple(st, Std.wasDerivedFrom, citation);
    return st;
  }

  /** The p: and ps: properties of a property, declared once, so that tools see typed properties. */
  private void declare(Ontology.PropertyInfo property) {
    if (!declared.add(property.name())) return;
    Node p = uri(Namespaces.P, property.name());
    Node ps = uri(Namespaces.PS, property.name());
    triple(p, Std.type, Std.owlObjectProperty);
    triple(p, Std.label, NodeFactory.createLiteralLang(property.name() + " (statement)", "en"));
    triple(ps, Std.type, property.valueType() == Ontology.ValueType.ENTITY ? Std.owlObjectProperty : Std.owlDatatypeProperty);
    triple(ps, Std.label, NodeFactory.createLiteralLang(property.name() + " (statement value)", "en"));
    triple(property.iri(), uri(Namespaces.SOV, "claimProperty"), p);
    triple(property.iri(), uri(Namespaces.SOV, "statementValueProperty"), ps);
  }

  private void triple(Node s, Node p, Node o) {
    out.triple(org.apache.jena.graph.Triple.create(s, p, o));
  }

  private static Node uri(String ns, String local) {
    return NodeFactory.createURI(ns + local);
  }

  private static Node bool(boolean b) {
    return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
  }

  static String localName(Node n) {
    String s = n.getURI();
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
  }
}
