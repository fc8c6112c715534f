package org.sovecon.table;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the tables of a data directory. {@code data/tables.csv} says, per file or glob, what kind
 * of table it is and which class its rows default to; the first matching line wins, so a new
 * table is a new line there and no new code.
 */
public final class TableCatalog {
  public static final String DESCRIPTION = "tables.csv";

  /** One line of tables.csv. */
  public record Entry(String glob, TableKind kind, String defaultClass, PathMatcher matcher) {}

  private final Path dataDir;
  private final List<Entry> entries;

  private TableCatalog(Path dataDir, List<Entry> entries) {
    this.dataDir = dataDir;
    this.entries = entries;
  }

  public static TableCatalog open(Path dataDir) throws IOException {
    Path description = dataDir.resolve(DESCRIPTION);
    if (!Files.isRegularFile(description))
      throw new IOException(description + ": missing: it says which tables the data directory has");
    Table t = TableReader.read(description, null, null);
    List<Entry> entries = new ArrayList<>();
    for (Row r : t.rows()) {
      String glob = r.get("file");
      TableKind kind;
      try {
        kind = TableKind.valueOf(r.get("kind").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TableReader.BadTable(r.line(), r.column("kind"), org.sovecon.check.ProblemCode.BAD_VALUE,
            "unknown table kind '" + r.get("kind") + "': use one of " + java.util.Arrays.stream(TableKind.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", ")));
      }
      entries.add(new Entry(glob, kind, r.get("class"),
          FileSystems.getDefault().getPathMatcher("glob:" + glob)));
    }
    return new TableCatalog(dataDir, entries);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Every CSV file under the data directory that tables.csv describes, in a stable order. */
  public List<Entry> entryFor(Path file) {
    Path rel = dataDir.relativize(file);
    return entries.stream().filter(e -> e.matcher().matches(rel)).limit(1).toList();
  }

  /** The CSV files of the data directory, each with its entry; files no entry matches are listed as unmatched. */
  public Listing list() throws IOException {
    List<Path> csv;
    try (Stream<Path> s = Files.walk(dataDir)) {
      csv = s.filter(p -> p.toString().endsWith(".csv"))
          .filter(p -> !p.getFileName().toString().equals(DESCRIPTION) || !p.getParent().equals(dataDir))
          .sorted()
          .toList();
    }
    List<Located> found = new ArrayList<>();
    List<Path> unmatched = new ArrayList<>();
    for (Path p : csv) {
      List<Entry> e = entryFor(p);
      if (e.isEmpty()) unmatched.add(p);
      else found.add(new Located(p, e.get(0)));
    }
    return new Listing(found, unmatched);
  }

  public record Located(Path file, Entry entry) {}

  public record Listing(List<Located> tables, List<Path> unmatched) {}
}
