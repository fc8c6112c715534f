package org.sovecon.convert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.sovecon.check.HeaderCheck;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;
import org.sovecon.table.Inputs;
import org.sovecon.table.Row;
import org.sovecon.table.Table;
import org.sovecon.table.TableKind;
import org.sovecon.vocab.Namespaces;
import org.sovecon.vocab.SOV;
import org.sovecon.vocab.Std;

/**
 * Turns the tables into RDF, checking every cell on the way: one general converter for all tables,
 * driven by the table kind and by the ontology (a column or property name is looked up there). Every
 * problem goes to the reporter; rows with problems are skipped, the rest still converted, so one run
 * reports everything.
 *
 * <pre>
 *   Converter c = new Converter(ontology, index, reporter, streamRdf, origins, texts);
 *   c.convert(inputs);
 * </pre>
 */
public final class Converter {
  private static final Set<String> STATUSES = Set.of("actual", "target", "forecast", "estimate");
  private static final java.util.regex.Pattern QID = java.util.regex.Pattern.compile("Q[1-9][0-9]*");

  private final Ontology ontology;
  private final Index index;
  private final ProblemReporter reporter;
  private final StreamRDF out;
  private final OriginIndex origins;
  private final SourceTexts texts;
  private final StatementWriter statements;
  /** Citation nodes and the concept scheme: described once, however many rows point at them. */
  private final Set<Node> described = new HashSet<>();
  private long facts;
  private long observations;

  public Converter(Ontology ontology, Index index, ProblemReporter reporter, StreamRDF out,
      OriginIndex origins, SourceTexts texts) {
    this.ontology = ontology;
    this.index = index;
    this.reporter = reporter;
    this.out = out;
    this.origins = origins;
    this.texts = texts;
    this.statements = new StatementWriter(out);
  }

  public void convert(Inputs inputs) {
    out.start();
    for (Table t : inputs.tables()) {
      if (!HeaderCheck.check(t, ontology, reporter)) continue;
      Optional<Node> defaultClass = t.defaultClass() == null || t.defaultClass().isEmpty()
          ? Optional.empty() : ontology.clazz(t.defaultClass());
      if (t.kind() == TableKind.ENTITIES && defaultClass.isEmpty()) {
        reporter.report(Problem.error(t.file(), 0, 0, ProblemCode.UNKNOWN_CLASS,
            "tables.csv gives this table the class '" + t.defaultClass() + "', which the ontology does not declare"));
        continue;
      }
      for (Row r : t.rows()) {
        if (!cellsFit(r) || !requiredPresent(r, t.kind())) continue;
        switch (t.kind()) {
          case SOURCES -> source(r);
          case ENTITIES -> entity(t, defaultClass.get(), r);
          case FACTS -> fact(r);
          case DATASETS -> dataset(r);
          case OBSERVATIONS -> observation(r);
          case RESTATEMENTS -> restatement(r);
        }
      }
    }
    out.finish();
  }

  /** Statements with a citation written so far (entity-row properties and fact rows). */
  public long facts() {
    return facts;
  }

  public long observations() {
    return observations;
  }

  // ---- rows of each kind

  private void source(Row r) {
    Node s = NodeFactory.createURI(Namespaces.SOURCE + r.get("id"));
    origins.record(s, r);
    emit(s, Std.type, SOV.Source);
    emit(s, Std.dcIdentifier, str(r.get("id")));
    emit(s, Std.dcTitle, NodeFactory.createLiteralLang(r.get("title"), "en"));
    emit(s, Std.label, NodeFactory.createLiteralLang(r.get("title"), "en"));
    emit(s, SOV.displayLabel, NodeFactory.createLiteralLang(r.get("title"), "en"));
    emit(s, SOV.fileName, str(r.get("file")));
    index.source(r.get("id")).ifPresent(info -> emit(s, SOV.lineCount, integer(info.lines())));
    if (r.has("published")) emit(s, Std.dcBibliographicCitation, str(r.get("published")));
    if (r.has("notes")) emit(s, SOV.note, str(r.get("notes")));
    if (r.has("sha256")) emit(s, SOV.sha256, str(r.get("sha256")));
    if (r.has("author")) entityRef(r, "author").ifPresent(a -> emit(s, Std.dcCreator, a));
    // The source's own Wikidata item: QuickStatements cite it as "stated in" (S248).
    wikidataLink(r, "wikidata", s, Std.exactMatch);
    if (r.has("restates")) {
      if (index.source(r.get("restates")).isPresent())
        emit(s, SOV.restates, NodeFactory.createURI(Namespaces.SOURCE + r.get("restates")));
      else reporter.report(Problem.at(r, "restates", ProblemCode.UNKNOWN_SOURCE, "no source '" + r.get("restates") + "'"));
    }
  }

  private void entity(Table t, Node defaultClass, Row r) {
    String id = r.get("id");
    if (!Index.isValidId(id)) return; // reported by the index
    Node s = entity(id);
    origins.record(s, r);
    Optional<Node> citation = citation(r);
    emit(s, Std.type, defaultClass);
    for (String type : list(r.get("type"))) {
      Optional<Node> c = ontology.clazz(type);
      if (c.isPresent()) emit(s, Std.type, c.get());
      else reporter.report(Problem.at(r, "type", ProblemCode.UNKNOWN_CLASS, "the ontology has no class '" + type + "'"));
    }
    Node label = NodeFactory.createLiteralLang(r.get("label"), "en");
    emit(s, Std.label, label);
    emit(s, Std.prefLabel, label);
    emit(s, SOV.displayLabel, label);
    if (r.has("label_ru")) {
      Node ru = NodeFactory.createLiteralLang(r.get("label_ru"), "ru");
      emit(s, Std.label, ru);
      emit(s, Std.prefLabel, ru);
    }
    if (r.has("translit")) emit(s, Std.altLabel, NodeFactory.createLiteralLang(r.get("translit"), "ru-Latn"));
    for (String alias : list(r.get("aliases"))) emit(s, Std.altLabel, NodeFactory.createLiteralLang(alias, "en"));
    // A source's error (a wrong first name) is kept to trace the reading, but is not a name to search by.
    for (String wrong : list(r.get("erroneous_aliases"))) emit(s, SOV.erroneousName, NodeFactory.createLiteralLang(wrong, "en"));
    Node description = NodeFactory.createLiteralLang(r.get("description"), "en");
    emit(s, Std.dcDescription, description);
    if ("Concept".equals(t.defaultClass())) {
      emit(s, Std.definition, description);
      emit(s, Std.inScheme, conceptScheme());
    }
    // exactMatch for the same thing; closeMatch where the item is broader or narrower (the modern
    // state for a Soviet-era one, a general church for the Russian one). The evidence stays in the table.
    wikidataLink(r, "wikidata", s, Std.exactMatch);
    wikidataLink(r, "wikidata_close", s, Std.closeMatch);
    if (r.has("note")) emit(s, SOV.note, str(r.get("note")));
    citation.ifPresent(c -> emit(s, Std.wasDerivedFrom, c));
    // Any other column names a property: its cell is a fact cited by the row's citation.
    for (String col : t.header()) {
      if (t.kind().knows(col) || !r.has(col)) continue;
      Optional<Ontology.PropertyInfo> p = ontology.property(col);
      if (p.isEmpty() || citation.isEmpty()) continue;
      statement(r, s, p.get(), col, StatementWriter.Qualifiers.NONE, StatementWriter.Standing.STATED, citation.get());
    }
  }

  private void fact(Row r) {
    Optional<Node> subject = entityRef(r, "subject");
    Optional<Ontology.PropertyInfo> property = ontology.property(r.get("property"));
    if (property.isEmpty())
      reporter.report(Problem.at(r, "property", ProblemCode.UNKNOWN_PROPERTY,
          "the ontology has no property '" + r.get("property") + "' (see data/README.md for the list)"));
    Optional<EdtfDate> start = date(r, "start"), end = date(r, "end"), date = date(r, "date");
    boolean datesOk = (!r.has("start") || start.isPresent()) && (!r.has("end") || end.isPresent())
        && (!r.has("date") || date.isPresent());
    Optional<Node> role = optionalCode(r, "role", SOV.EventRole);
    Optional<Node> regarding = optionalRef(r, "regarding");
    boolean qualifiersOk = (!r.has("role") || role.isPresent()) && (!r.has("regarding") || regarding.isPresent());
    Optional<StatementWriter.Standing> standing = standing(r);
    Optional<Node> citation = citation(r);
    if (subject.isEmpty() || property.isEmpty() || !datesOk || !qualifiersOk || standing.isEmpty() || citation.isEmpty()) {
      property.ifPresent(p -> parseValue(r, "object", p)); // still report a bad object
      return;
    }
    if (start.isPresent() && end.isPresent() && end.get().latestDay().isBefore(start.get().earliestDay()))
      reporter.report(Problem.at(r, "end", ProblemCode.BAD_DATE, "ends (" + r.get("end") + ") before it starts (" + r.get("start") + ")"));
    var q = new StatementWriter.Qualifiers(start.orElse(null), end.orElse(null), date.orElse(null),
        role.orElse(null), regarding.orElse(null));
    statement(r, subject.get(), property.get(), "object", q, standing.get(), citation.get());
  }

  /**
   * The claimant, the work a claim was stated in, and the rank with its reason; empty (with the
   * problems reported) when a cell is wrong. Shared by facts and observations.
   */
  private Optional<StatementWriter.Standing> standing(Row r) {
    Optional<Node> claimant = optionalRef(r, "claimed_by");
    Optional<Node> statedIn = optionalRef(r, "stated_in");
    Optional<Node> rank = optionalCode(r, "rank", SOV.StatementRank);
    Optional<Node> reason = optionalCode(r, "rank_reason", SOV.RankReason);
    boolean ok = (!r.has("claimed_by") || claimant.isPresent()) && (!r.has("stated_in") || statedIn.isPresent())
        && (!r.has("rank") || rank.isPresent()) && (!r.has("rank_reason") || reason.isPresent());
    if (rank.isPresent() && !rank.get().equals(SOV.NormalRank) && !r.has("rank_reason")) {
      reporter.report(Problem.at(r, "rank_reason", ProblemCode.MISSING_VALUE,
          "a " + r.get("rank") + " rank needs its reason: one of " + String.join(", ", ontology.codes(SOV.RankReason))));
      ok = false;
    }
    if (!ok) return Optional.empty();
    return Optional.of(new StatementWriter.Standing(claimant.orElse(null), statedIn.orElse(null),
        rank.orElse(SOV.NormalRank), reason.orElse(null)));
  }

  private void statement(Row r, Node subject, Ontology.PropertyInfo p, String column,
      StatementWriter.Qualifiers q, StatementWriter.Standing standing, Node citation) {
    Optional<Value> v = parseValue(r, column, p);
    if (v.isEmpty()) return;
    Node st = statements.write(subject, p, v.get().node(), v.get().date(), q, standing, citation, r.get("note"),
        seed(r, column));
    origins.record(st, r);
    origins.record(Triple.create(subject, p.iri(), v.get().node()), r, column);
    facts++;
  }

  private void dataset(Row r) {
    if (!Index.isValidId(r.get("id"))) return;
    Node ds = NodeFactory.createURI(Namespaces.DATASET + r.get("id"));
    origins.record(ds, r);
    emit(ds, Std.type, Std.qbDataSet);
    emit(ds, Std.label, NodeFactory.createLiteralLang(r.get("label"), "en"));
    emit(ds, SOV.displayLabel, NodeFactory.createLiteralLang(r.get("label"), "en"));
    if (r.has("description")) emit(ds, Std.dcDescription, NodeFactory.createLiteralLang(r.get("description"), "en"));
    emit(ds, Std.qbStructure, SOV.structure);
    citation(r).ifPresent(c -> emit(ds, Std.wasDerivedFrom, c));
  }

  private void observation(Row r) {
    boolean ok = true;
    if (!index.hasDataset(r.get("dataset"))) {
      reporter.report(Problem.at(r, "dataset", ProblemCode.UNKNOWN_REFERENCE,
          "no data set '" + r.get("dataset") + "' in observations/datasets.csv"));
      ok = false;
    }
    Optional<Period> period = r.has("period") ? period(r, "period") : Optional.empty();
    Optional<Period> base = r.has("base") ? period(r, "base") : Optional.empty();
    Optional<BigDecimal> value = decimal(r, "value");
    Optional<BigDecimal> upper = r.has("upper") ? decimal(r, "upper") : Optional.empty();
    List<Node> subjects = new ArrayList<>();
    for (String id : list(r.get("subject"))) {
      if (index.hasEntity(id)) subjects.add(entity(id));
      else {
        reporter.report(Problem.at(r, "subject", ProblemCode.UNKNOWN_REFERENCE, "no entity '" + id + "' (column subject)"));
        ok = false;
      }
    }
    Optional<Node> bound = optionalCode(r, "bound", SOV.ValueBound);
    Optional<StatementWriter.Standing> standing = standing(r);
    String status = r.has("status") ? r.get("status") : "actual";
    if (!STATUSES.contains(status)) {
      reporter.report(Problem.at(r, "status", ProblemCode.BAD_VALUE,
          "status '" + status + "' is not one of " + String.join(", ", new java.util.TreeSet<>(STATUSES))));
      ok = false;
    }
    Optional<Node> citation = citation(r);
    ok &= (!r.has("period") || period.isPresent()) && value.isPresent() && citation.isPresent()
        && (!r.has("base") || base.isPresent()) && (!r.has("upper") || upper.isPresent())
        && (!r.has("bound") || bound.isPresent()) && standing.isPresent();
    if (!ok) return;
    Node o = NodeFactory.createURI(Namespaces.OBSERVATION + r.get("dataset") + "-" + Hashes.of(r.cells()));
    origins.record(o, r);
    emit(o, Std.type, Std.qbObservation);
    emit(o, Std.qbDataSetProp, NodeFactory.createURI(Namespaces.DATASET + r.get("dataset")));
    period.ifPresent(p -> {
      emit(o, SOV.refPeriod, str(p.label()));
      if (p.hasYears()) {
        emit(o, SOV.periodStartYear, integer(p.startYear()));
        emit(o, SOV.periodEndYear, integer(p.endYear()));
      }
    });
    for (Node s : subjects) emit(o, SOV.refSubject, s);
    if (r.has("item")) emit(o, SOV.item, str(r.get("item")));
    emit(o, SOV.status, str(status));
    emit(o, SOV.obsValue, decimalNode(value.get()));
    upper.ifPresent(u -> emit(o, SOV.upperValue, decimalNode(u)));
    emit(o, SOV.unit, str(r.get("unit")));
    base.ifPresent(b -> emit(o, SOV.basePeriod, str(b.label())));
    bound.ifPresent(b -> emit(o, SOV.valueBound, b));
    standing.get().write(o, (p, v) -> emit(o, p, v));
    if (r.has("note")) emit(o, SOV.note, str(r.get("note")));
    emit(o, Std.wasDerivedFrom, citation.get());
    observations++;
  }

  /** The SKOS scheme of the glossary terms and theories, declared the first time a concept needs it. */
  private Node conceptScheme() {
    Node scheme = NodeFactory.createURI(Namespaces.ID + "concepts");
    if (described.add(scheme)) {
      emit(scheme, Std.type, Std.conceptScheme);
      emit(scheme, Std.label, NodeFactory.createLiteralLang("Concepts and terms of the early Soviet economy", "en"));
    }
    return scheme;
  }

  /** A passage that repeats another (the same author writing twice): citations of the two are not independent. */
  private void restatement(Row r) {
    Optional<Node> passage = citation(r, "source", "lines");
    Optional<Node> restated = citation(r, "restated_source", "restated_lines");
    if (passage.isPresent() && restated.isPresent()) {
      emit(passage.get(), SOV.restatesPassage, restated.get());
      origins.record(passage.get(), r);
    }
  }

  // ---- cells

  /** A parsed value and, for dates, the date (whose ~ and ? flags become qualifiers). */
  private record Value(Node node, EdtfDate date) {}

  private Optional<Value> parseValue(Row r, String column, Ontology.PropertyInfo p) {
    String text = r.get(column);
    switch (p.valueType()) {
      case ENTITY:
        return entityRef(r, column).map(n -> new Value(n, null));
      case DATE:
        return date(r, column).map(d -> new Value(d.literal(), d));
      case INTEGER:
        try {
          return Optional.of(new Value(NodeFactory.createLiteralDT(Long.toString(Long.parseLong(text)), XSDDatatype.XSDinteger), null));
        } catch (NumberFormatException e) {
          reporter.report(Problem.at(r, column, ProblemCode.BAD_NUMBER, "'" + text + "' is not a whole number (property " + p.name() + ")"));
          return Optional.empty();
        }
      case DECIMAL:
        return decimal(r, column).map(d -> new Value(decimalNode(d), null));
      default:
        return Optional.of(new Value(str(text), null));
    }
  }

  private Optional<Node> entityRef(Row r, String column) {
    String id = r.get(column);
    if (index.hasEntity(id)) return Optional.of(entity(id));
    reporter.report(Problem.at(r, column, ProblemCode.UNKNOWN_REFERENCE,
        "no entity '" + id + "' (column " + column + ")"));
    return Optional.empty();
  }

  /** An entity id in an optional column: empty when the cell is empty or (reported) unknown. */
  private Optional<Node> optionalRef(Row r, String column) {
    return r.has(column) ? entityRef(r, column) : Optional.empty();
  }

  /** A controlled value written by its code (a role, a rank, a bound): reported when the code is unknown. */
  private Optional<Node> optionalCode(Row r, String column, Node clazz) {
    if (!r.has(column)) return Optional.empty();
    Optional<Node> v = ontology.code(clazz, r.get(column));
    if (v.isEmpty())
      reporter.report(Problem.at(r, column, ProblemCode.BAD_VALUE,
          "'" + r.get(column) + "' is not a " + column.replace('_', ' ') + ": write one of " + String.join(", ", ontology.codes(clazz))));
    return v;
  }

  private Optional<EdtfDate> date(Row r, String column) {
    if (!r.has(column)) return Optional.empty();
    Optional<EdtfDate> d = EdtfDate.parse(r.get(column));
    if (d.isEmpty())
      reporter.report(Problem.at(r, column, ProblemCode.BAD_DATE,
          "'" + r.get(column) + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ or ?, or a span FROM/TO (1926/1927)"));
    return d;
  }

  private Optional<Period> period(Row r, String column) {
    Optional<Period> p = Period.parse(r.get(column));
    if (p.isEmpty())
      reporter.report(Problem.at(r, column, ProblemCode.BAD_PERIOD,
          "'" + r.get(column) + "' is not a period: write 1928, 1926/27, 1929-10 or 1909-1913"));
    return p;
  }

  private Optional<BigDecimal> decimal(Row r, String column) {
    try {
      return Optional.of(new BigDecimal(r.get(column)));
    } catch (NumberFormatException e) {
      reporter.report(Problem.at(r, column, ProblemCode.BAD_NUMBER,
          "'" + r.get(column) + "' is not a number: use digits, a point for decimals, no thousands separators"));
      return Optional.empty();
    }
  }

  /** The citation node of a row (source + lines), checked against the source's length. */
  private Optional<Node> citation(Row r) {
    return citation(r, "source", "lines");
  }

  private Optional<Node> citation(Row r, String sourceColumn, String linesColumn) {
    Optional<Index.SourceInfo> src = index.source(r.get(sourceColumn));
    if (src.isEmpty()) {
      reporter.report(Problem.at(r, sourceColumn, ProblemCode.UNKNOWN_SOURCE,
          "no source '" + r.get(sourceColumn) + "' in sources.csv"));
      return Optional.empty();
    }
    Optional<LineRange> lines = LineRange.parse(r.get(linesColumn));
    if (lines.isEmpty()) {
      reporter.report(Problem.at(r, linesColumn, ProblemCode.BAD_LINES,
          "'" + r.get(linesColumn) + "' is not a line range: write N or N-M with N <= M"));
      return Optional.empty();
    }
    if (lines.get().end() > src.get().lines()) {
      reporter.report(Problem.at(r, linesColumn, ProblemCode.BAD_LINES,
          "lines " + lines.get() + " are outside " + src.get().id() + ", which has " + src.get().lines() + " lines"));
      return Optional.empty();
    }
    Node c = NodeFactory.createURI(Namespaces.CITATION + src.get().id() + "/" + lines.get());
    if (described.add(c)) {
      emit(c, Std.type, SOV.Citation);
      emit(c, SOV.citedSource, NodeFactory.createURI(Namespaces.SOURCE + src.get().id()));
      emit(c, SOV.startLine, integer(lines.get().start()));
      emit(c, SOV.endLine, integer(lines.get().end()));
      emit(c, SOV.lines, str(lines.get().toString()));
      emit(c, Std.label, str(src.get().id() + " " + lines.get()));
      if (texts != null) texts.passage(src.get(), lines.get()).ifPresent(p -> emit(c, SOV.passage, str(p)));
    }
    return Optional.of(c);
  }

  private boolean cellsFit(Row r) {
    if (r.cells().size() <= r.header().size()) return true;
    reporter.report(Problem.error(r.file(), r.line(), r.header().size() + 1, ProblemCode.CELL_COUNT,
        "the row has " + r.cells().size() + " cells but the header has " + r.header().size() + " columns"));
    return false;
  }

  private boolean requiredPresent(Row r, TableKind kind) {
    boolean ok = true;
    for (String col : kind.required()) {
      if (!r.has(col)) {
        reporter.report(Problem.at(r, col, ProblemCode.MISSING_VALUE, "column '" + col + "' is empty"));
        ok = false;
      }
    }
    return ok;
  }

  // ---- small helpers

  private static List<String> seed(Row r, String column) {
    List<String> seed = new ArrayList<>(r.cells());
    seed.add(column);
    return seed;
  }

  private static List<String> list(String cell) {
    List<String> items = new ArrayList<>();
    for (String s : cell.split(";")) if (!s.isBlank()) items.add(s.trim());
    return items;
  }

  static Node entity(String id) {
    return NodeFactory.createURI(Namespaces.ID + id);
  }

  private void emit(Node s, Node p, Node o) {
    out.triple(Triple.create(s, p, o));
  }

  private static Node str(String s) {
    return NodeFactory.createLiteralString(s);
  }

  private static Node integer(long n) {
    return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
  }

  private static Node decimalNode(BigDecimal d) {
    return NodeFactory.createLiteralDT(d.toPlainString(), XSDDatatype.XSDdecimal);
  }

  private void wikidataLink(Row r, String column, Node s, Node property) {
    if (!r.has(column)) return;
    if (QID.matcher(r.get(column)).matches())
      emit(s, property, NodeFactory.createURI(Namespaces.WD + r.get(column)));
    else reporter.report(Problem.at(r, column, ProblemCode.BAD_VALUE, "'" + r.get(column) + "' is not a Wikidata item id (Q…)"));
  }
}
