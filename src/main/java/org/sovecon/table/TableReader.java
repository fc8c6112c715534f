package org.sovecon.table;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sovecon.check.ProblemCode;

/**
 * Reads a CSV file (RFC 4180, UTF-8, header row) into a {@link Table}, keeping each row's line. A
 * file that cannot be read as a table is a {@link BadTable} that says where and why: a byte that is
 * not UTF-8, a quote that opens a cell and goes wrong, a cell or a file too large to be a table.
 */
public final class TableReader {
  private TableReader() {}

  /** A table larger than this is not a hand-edited table; reading it whole would only cost memory. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
  /** The longest cell (the real tables' longest is under 500 characters); longer ones are usually a stray quote. */
  public static final int MAX_CELL_CHARS = 10_000;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  /** Why a file cannot be read as a table, and where: line and column (cell) 1-based, 0 when not known. */
  public static final class BadTable extends IOException {
    private final long line;
    private final int column;
    private final ProblemCode code;

    BadTable(long line, int column, ProblemCode code, String message) {
      super(message);
      this.line = line;
      this.column = column;
      this.code = code;
    }

    public long line() {
      return line;
    }

    public int column() {
      return column;
    }

    public ProblemCode code() {
      return code;
    }
  }

  public static Table read(Path file, TableKind kind, String defaultClass) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES)
      throw new BadTable(0, 0, ProblemCode.TOO_LARGE, String.format(
          "the file has %,d bytes; a table may have at most %,d: split it into several files", size, MAX_FILE_BYTES));
    String text = decode(Files.readAllBytes(file));
    if (text.isBlank() || stripBom(text).isBlank())
      throw new BadTable(1, 0, ProblemCode.EMPTY_FILE, "the file is empty: its first line must be the header");
    Optional<CsvScan.Flaw> flaw = new CsvScan(text, MAX_CELL_CHARS).firstFlaw();
    if (flaw.isPresent()) throw badQuoting(flaw.get());
    return parse(file, kind, defaultClass, text);
  }

  private static Table parse(Path file, TableKind kind, String defaultClass, String text) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
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
    } catch (UncheckedIOException | IllegalStateException e) {
      // The scan above follows the parser's rules, so this is not expected; if it comes, keep its line.
      String msg = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("at line: (\\d+)").matcher(msg);
      throw new BadTable(m.find() ? Long.parseLong(m.group(1)) : 0, 0, ProblemCode.BAD_QUOTING, "not valid CSV: " + msg);
    }
  }

  private static BadTable badQuoting(CsvScan.Flaw f) {
    String where = f.endLine() == f.at().line() ? "" : " on line " + f.endLine();
    String message = switch (f.kind()) {
      case UNCLOSED_QUOTE -> "the quote that opens this cell is never closed, so the rest of the file would be one cell:"
          + " close it, and write a quote inside a cell as two (\"\")";
      case TEXT_AFTER_QUOTE -> "the quoted cell that opens here ends" + where + " with a quote followed by '" + f.detail()
          + "': write a quote inside a cell as two (\"\"), and quote a cell only as a whole";
      case HUGE_CELL -> String.format("the cell that starts here is longer than %,d characters%s, more than any table needs:"
          + " shorten it (a cell this long is usually a quote left open)", MAX_CELL_CHARS, where.isEmpty() ? "" : " (it runs to line " + f.endLine() + ")");
    };
    return new BadTable(f.at().line(), f.at().cell(),
        f.kind() == CsvScan.Flaw.Kind.HUGE_CELL ? ProblemCode.TOO_LARGE : ProblemCode.BAD_QUOTING, message);
  }

  /**
   * Decodes strictly: a byte that is not UTF-8 is an error at its line and cell, never a silent
   * replacement character. Spreadsheets often save Latin-1 or Windows-1252; the message shows what
   * the byte means there, so the curator can find it.
   */
  static String decode(byte[] bytes) throws BadTable {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      String before = out.flip().toString();
      CsvScan.Position at = CsvScan.positionOf(before, before.length());
      int b = bytes[in.position()] & 0xff;
      String lineSoFar = before.substring(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
      String context = lineSoFar.length() > 20 ? "…" + lineSoFar.substring(lineSoFar.length() - 20) : lineSoFar;
      String asLatin = new String(new byte[] {(byte) b}, Charset.forName("windows-1252"));
      throw new BadTable(at.line(), at.cell(), ProblemCode.BAD_ENCODING, String.format(
          "byte 0x%02X%s is not UTF-8 (character %d of the line; in Latin-1/Windows-1252 it would be '%s'): save the file as UTF-8",
          b, context.isEmpty() ? "" : " after '" + context + "'", lineSoFar.length() + 1,
          Character.isISOControl(asLatin.charAt(0)) ? "a control character" : asLatin));
    }
    dec.flush(out);
    return out.flip().toString();
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
