package org.sovecon.table;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV file (RFC 4180, UTF-8, header row) into a {@link Table}, keeping each row's line. */
public final class TableReader {
  private TableReader() {}

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  public static Table read(Path file, TableKind kind, String defaultClass) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, FORMAT)) {
      Iterator<CSVRecord> it = parser.iterator();
      List<String> header = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      if (!it.hasNext()) return new Table(file, kind, defaultClass, header, rows);
      for (String h : it.next()) header.add(stripBom(h).trim());
      List<String> frozen = List.copyOf(header);
      while (true) {
        // The parser's line count before a record is the line the previous record ended on.
        long startLine = parser.getCurrentLineNumber() + 1;
        if (!it.hasNext()) break;
        CSVRecord rec = it.next();
        List<String> cells = new ArrayList<>(rec.size());
        rec.forEach(cells::add);
        if (cells.stream().allMatch(String::isBlank)) continue;
        rows.add(new Row(file, startLine, frozen, cells));
      }
      return new Table(file, kind, defaultClass, frozen, rows);
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
