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
        // commons-csv reports malformed quoting as an unchecked exception carrying the line.
        reporter.report(Problem.error(t.file(), 0, 0, ProblemCode.UNREADABLE_FILE, String.valueOf(e.getMessage())));
      }
    }
    return new Inputs(dataDir, tables);
  }

  public List<Table> of(TableKind kind) {
    return tables.stream().filter(t -> t.kind() == kind).toList();
  }
}
