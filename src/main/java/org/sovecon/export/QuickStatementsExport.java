package org.sovecon.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.sovecon.report.Queries;
import org.sovecon.vocab.Namespaces;

/**
 * Facts about entities linked to Wikidata, as QuickStatements V1 commands a Wikidata editor can
 * review and run: one line per citation, {@code ITEM TAB PROPERTY TAB VALUE}, then the time
 * qualifiers (P580 start time, P582 end time, P585 point in time) and the reference:
 * S248 (stated in) the source's own item when {@code data/sources.csv} gives one, and S958
 * (section, verse, paragraph, or clause) with the cited lines. Why S958: the line numbers are those of
 * the plain text the graph cites, not printed pages, so S304 (page(s)) would mislead; S958 is
 * Wikidata's free-text locator within a work. Each line ends with an edit summary naming the
 * sovecon source and lines, and says when S248 had to be left out.
 *
 * <p>Only statements a text states (not claims attributed to someone, not deprecated versions), whose
 * property is an exact match of a Wikidata property in {@code ontology/alignments/wikidata.ttl}, and
 * whose value is an entity with an item or a date precise to a year, month or day.
 */
public final class QuickStatementsExport {
  private QuickStatementsExport() {}

  public static final String EXTENSION = "qs";
  public static final String FORMAT = "quickstatements";
  static final String STATED_IN = "S248", LOCATOR = "S958";
  static final String START = "P580", END = "P582", POINT_IN_TIME = "P585";

  public static boolean isFor(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + EXTENSION);
  }

  /** What was written: the commands, and the statements left out because a date is not exact. */
  public record Result(int lines, int skipped, int withoutStatedIn) {}

  public static Result write(Dataset ds, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    int skipped = 0, withoutStatedIn = 0;
    for (QuerySolution r : Queries.selectAll(ds, Queries.load("quickstatements"))) {
      Optional<String> value = r.contains("valueItem") ? Optional.of(qid(r.get("valueItem"))) : time(r.get("value"));
      if (value.isEmpty()) { skipped++; continue; }
      StringBuilder b = new StringBuilder();
      b.append(qid(r.get("subjectItem"))).append('\t').append(pid(r.get("wdProperty"))).append('\t').append(value.get());
      boolean exact = true;
      for (String[] q : new String[][] {{"start", START}, {"end", END}, {"date", POINT_IN_TIME}}) {
        if (!r.contains(q[0])) continue;
        Optional<String> t = time(r.get(q[0]));
        if (t.isEmpty()) { exact = false; break; }
        b.append('\t').append(q[1]).append('\t').append(t.get());
      }
      // A range or an approximate date has no faithful QuickStatements form: leave the line out.
      if (!exact) { skipped++; continue; }
      String source = r.getLiteral("source").getLexicalForm(), cited = r.getLiteral("lines").getLexicalForm();
      String summary = "sovecon: " + source + " lines " + cited;
      if (r.contains("sourceItem")) b.append('\t').append(STATED_IN).append('\t').append(qid(r.get("sourceItem")));
      else { summary += "; the source has no Wikidata item, so no " + STATED_IN; withoutStatedIn++; }
      b.append('\t').append(LOCATOR).append('\t').append(string("lines " + cited));
      b.append(" /* ").append(summary.replace("*/", "* /")).append(" */");
      lines.add(b.toString());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String l : lines) w.write(l + "\n");
    }
    return new Result(lines.size(), skipped, withoutStatedIn);
  }

  private static String qid(RDFNode n) {
    return n.asResource().getURI().substring(Namespaces.WD.length());
  }

  private static String pid(RDFNode n) {
    return n.asResource().getURI().substring(Namespaces.WD.length());
  }

  /** A QuickStatements string: double quotes, no tabs or line breaks, no double quote inside. */
  private static String string(String s) {
    return "\"" + s.replaceAll("[\\t\\r\\n\"]", " ") + "\"";
  }

  /** {@code +1924-01-21T00:00:00Z/11} for a day, {@code /10} for a month, {@code /9} for a year; empty for anything else. */
  static Optional<String> time(RDFNode n) {
    if (!n.isLiteral()) return Optional.empty();
    Literal l = n.asLiteral();
    String lex = l.getLexicalForm();
    String dt = l.getDatatypeURI();
    if (XSDDatatype.XSDdate.getURI().equals(dt) && lex.matches("\\d{4}-\\d{2}-\\d{2}"))
      return Optional.of("+" + lex + "T00:00:00Z/11");
    if (XSDDatatype.XSDgYearMonth.getURI().equals(dt) && lex.matches("\\d{4}-\\d{2}"))
      return Optional.of("+" + lex + "-00T00:00:00Z/10");
    if (XSDDatatype.XSDgYear.getURI().equals(dt) && lex.matches("\\d{4}"))
      return Optional.of("+" + lex + "-00-00T00:00:00Z/9");
    return Optional.empty();
  }
}
