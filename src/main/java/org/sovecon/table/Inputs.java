package org.sovecon.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;

/**
 * All tables of a data directory, read. Files that cannot be read are reported, not thrown, and
 * listed in {@link #unreadable()}: what they define is missing, which later checks need to know.
 */
public record Inputs(Path dataDir, List<Table> tables, List<Unreadable> unreadable) {

  /** A table that could not be read, and what kind it was meant to be. */
  public record Unreadable(Path file, TableKind kind) {}

  public Inputs(Path dataDir, List<Table> tables) {
    this(dataDir, tables, List.of());
  }

  public static Inputs read(Path dataDir, ProblemReporter reporter) {
    List<Table> tables = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    TableCatalog catalog;
    try {
      catalog = TableCatalog.open(dataDir);
    } catch (TableReader.BadTable e) {
      reporter.report(problem(dataDir.resolve(TableCatalog.DESCRIPTION), e));
      return new Inputs(dataDir, tables);
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
      } catch (TableReader.BadTable e) {
        reporter.report(problem(t.file(), e));
        unreadable.add(new Unreadable(t.file(), t.entry().kind()));
      } catch (IOException | RuntimeException e) {
        reporter.report(Problem.error(t.file(), 0, 0, ProblemCode.UNREADABLE_FILE, "cannot read the file: " + e.getMessage()));
        unreadable.add(new Unreadable(t.file(), t.entry().kind()));
      }
    }
    return new Inputs(dataDir, tables, List.copyOf(unreadable));
  }

  private static Problem problem(Path file, TableReader.BadTable e) {
    return Problem.error(file, e.line(), e.column(), e.code(), e.getMessage());
  }

  public List<Table> of(TableKind kind) {
    return tables.stream().filter(t -> t.kind() == kind).toList();
  }
}
