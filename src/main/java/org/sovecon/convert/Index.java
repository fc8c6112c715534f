package org.sovecon.convert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;
import org.sovecon.table.Inputs;
import org.sovecon.table.Row;
import org.sovecon.table.Table;
import org.sovecon.table.TableKind;

/**
 * The identifiers the tables define: entities, sources and data sets. Built before conversion, so
 * that a reference can be checked wherever it appears, whatever the order of the files.
 */
public final class Index {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** A source text: its line count bounds the citations of it. */
  public record SourceInfo(String id, String file, String sha256, int lines, Row row) {}

  private final Map<String, Row> entities = new LinkedHashMap<>();
  private final Map<String, SourceInfo> sources = new LinkedHashMap<>();
  private final Map<String, Row> datasets = new LinkedHashMap<>();

  public static boolean isValidId(String id) {
    return ID.matcher(id).matches();
  }

  public static Index build(Inputs inputs, ProblemReporter reporter) {
    Index index = new Index();
    for (Table t : inputs.tables()) {
      if (t.kind() == TableKind.ENTITIES) t.rows().forEach(r -> index.define(index.entities, r, reporter));
      if (t.kind() == TableKind.DATASETS) t.rows().forEach(r -> index.define(index.datasets, r, reporter));
      if (t.kind() == TableKind.SOURCES) t.rows().forEach(r -> index.defineSource(r, reporter));
    }
    return index;
  }

  private boolean define(Map<String, Row> map, Row r, ProblemReporter reporter) {
    String id = r.get("id");
    if (id.isEmpty()) return false; // reported as a missing value by the converter
    if (!isValidId(id)) {
      reporter.report(Problem.at(r, "id", ProblemCode.BAD_ID,
          "'" + id + "' is not an id: use lower-case letters, digits and single hyphens"));
      return false;
    }
    Row first = map.putIfAbsent(id, r);
    if (first != null) {
      reporter.report(Problem.at(r, "id", ProblemCode.DUPLICATE_ID,
          "'" + id + "' is already defined at " + first.file().getFileName() + ":" + first.line()));
      return false;
    }
    return true;
  }

  private void defineSource(Row r, ProblemReporter reporter) {
    Map<String, Row> tmp = new LinkedHashMap<>();
    sources.forEach((k, v) -> tmp.put(k, v.row()));
    if (!define(tmp, r, reporter)) return;
    int lines;
    try {
      lines = Integer.parseInt(r.get("lines"));
    } catch (NumberFormatException e) {
      reporter.report(Problem.at(r, "lines", ProblemCode.BAD_NUMBER, "'" + r.get("lines") + "' is not a line count"));
      return;
    }
    sources.put(r.get("id"), new SourceInfo(r.get("id"), r.get("file"), r.get("sha256"), lines, r));
  }

  public boolean hasEntity(String id) {
    return entities.containsKey(id);
  }

  public Map<String, Row> entities() {
    return entities;
  }

  public Optional<SourceInfo> source(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  public Map<String, SourceInfo> sources() {
    return sources;
  }

  public boolean hasDataset(String id) {
    return datasets.containsKey(id);
  }
}
