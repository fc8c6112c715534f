package org.sovecon.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;

/** All tables of a data directory, read. Files that cannot be read are reported, not thrown. */
public record Inputs(Path dataDir, List<Table> tables) {

  public static Inputs read(Path dataDir, ProblemReporter reporter) {
    List<Table> tables = new ArrayList<>();
    TableCatalog catalog;
    try {
      catalog = TableCatalog.open(dataDir);
    } catch (IOException e) {
      reporter.report(Problem.error(dataDir.resolve(TableCatalog.DESCRIPTION), 0, 0, ProblemCode.MISSING_FILE, e.getMessage()));
      return new Inputs(dataDir, tables);
    }
    TableCatalog.Listing listing;
    try {
      listing = catalog.list();
    } catch (IOException e) {
      reporter.report(Problem.error(dataDir, 0, 0, ProblemCode.UNREADABLE_FILE, e.getMessage()));
      return new Inputs(dataDir, tables);
    }
    for (Path p : listing.unmatched())
      reporter.report(Problem.error(p, 0, 0, ProblemCode.UNDESCRIBED_TABLE,
          "no line of " + TableCatalog.DESCRIPTION + " describes this file"));
    for (TableCatalog.Located t : listing.tables()) {
      try {
        tables.add(TableReader.read(t.file(), t.entry().kind(), t.entry().defaultClass()));
      } catch (IOException | RuntimeException e) {
        reporter.report(unreadable(t.file(), e));
      }
    }
    return new Inputs(dataDir, tables);
  }

  /**
   * commons-csv reports malformed quoting as an exception whose message carries the line ("…
   * at line: 3, position: 94"); the line goes where a curator looks for it, the class name goes.
   */
  private static Problem unreadable(Path file, Exception e) {
    String msg = String.valueOf(e.getMessage()).replaceAll("^[\\w.]+Exception: ", "");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("at line: (\\d+)").matcher(msg);
    long line = m.find() ? Long.parseLong(m.group(1)) : 0;
    return Problem.error(file, line, 0, ProblemCode.UNREADABLE_FILE, "not valid CSV: " + msg
        + " (a quote inside a cell must be doubled, and the whole cell quoted)");
  }

  public List<Table> of(TableKind kind) {
    return tables.stream().filter(t -> t.kind() == kind).toList();
  }
}
