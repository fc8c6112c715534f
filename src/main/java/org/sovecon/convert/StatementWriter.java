package org.sovecon.convert;

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
 * qualifiers (pq:start, pq:end, pq:date), the claimant and the citation (prov:wasDerivedFrom).
 */
public final class StatementWriter {

  /** The qualifiers of a statement; nulls are left out. */
  public record Qualifiers(EdtfDate start, EdtfDate end, EdtfDate date) {
    public static final Qualifiers NONE = new Qualifiers(null, null, null);

    boolean approximate() {
      return any(d -> d.approximate());
    }

    boolean uncertain() {
      return any(d -> d.uncertain());
    }

    private boolean any(java.util.function.Predicate<EdtfDate> test) {
      for (EdtfDate d : new EdtfDate[] {start, end, date}) if (d != null && test.test(d)) return true;
      return false;
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
      Qualifiers q, Node citation, Node claimant, String note, List<String> seed) {
    declare(property);
    Node st = NodeFactory.createURI(Namespaces.STATEMENT + localName(subject) + "-" + Hashes.of(seed));
    if (claimant == null) out.triple(org.apache.jena.graph.Triple.create(subject, property.iri(), value));
    triple(subject, uri(Namespaces.P, property.name()), st);
    triple(st, Std.type, claimant == null ? SOV.Statement : SOV.AttributedClaim);
    triple(st, SOV.statementSubject, subject);
    triple(st, SOV.statementProperty, property.iri());
    triple(st, uri(Namespaces.PS, property.name()), value);
    if (q.start() != null) triple(st, SOV.qStart, q.start().literal());
    if (q.end() != null) triple(st, SOV.qEnd, q.end().literal());
    if (q.date() != null) triple(st, SOV.qDate, q.date().literal());
    boolean approx = q.approximate() || (valueDate != null && valueDate.approximate());
    boolean uncertain = q.uncertain() || (valueDate != null && valueDate.uncertain());
    if (approx) triple(st, SOV.qApproximate, bool(true));
    if (uncertain) triple(st, SOV.qUncertain, bool(true));
    if (claimant != null) triple(st, SOV.claimedBy, claimant);
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
