package org.sovecon.table;

import java.util.Optional;

/**
 * Walks CSV text as commons-csv's RFC 4180 format reads it, to say where things are: the line and
 * cell of any position, and where a quoted cell that goes wrong was opened. commons-csv reports a
 * stray quote where it notices it, which can be many lines after the quote that caused it.
 *
 * <p>The rules followed are the parser's: a quote opens a quoted cell only as the cell's first
 * character; inside one, {@code ""} is a quote; after the closing quote only spaces may come before
 * the comma or the line break; elsewhere a quote is an ordinary character.
 */
final class CsvScan {
  /** A place in the file: physical line and cell (1-based, as a spreadsheet counts columns). */
  record Position(long line, int cell) {}

  /** The first quoting or size problem found, at the cell where it starts. */
  record Flaw(Position at, Kind kind, long endLine, String detail) {
    enum Kind { UNCLOSED_QUOTE, TEXT_AFTER_QUOTE, HUGE_CELL }
  }

  private final String text;
  private final int maxCell;

  private long line = 1;
  private int cell = 1;

  CsvScan(String text, int maxCell) {
    this.text = text;
    this.maxCell = maxCell;
  }

  /** The line and cell of the character at {@code offset} (a character index into the text). */
  static Position positionOf(String text, int offset) {
    CsvScan s = new CsvScan(text, Integer.MAX_VALUE);
    s.scan(offset);
    return new Position(s.line, s.cell);
  }

  /** The first flaw in the whole text, if any. */
  Optional<Flaw> firstFlaw() {
    return scan(text.length());
  }

  /** Scans up to {@code end}, leaving the position there; returns the first flaw met on the way. */
  private Optional<Flaw> scan(int end) {
    int i = 0;
    boolean cellStart = true;
    int cellChars = 0;
    Position cellAt = new Position(1, 1);
    while (i < end) {
      char c = text.charAt(i);
      if (cellStart && c == '"') {
        cellAt = new Position(line, cell);
        int j = i + 1;
        int length = 0;
        while (true) {
          if (j >= text.length()) {
            if (end < text.length()) { i = end; break; }
            return Optional.of(new Flaw(cellAt, Flaw.Kind.UNCLOSED_QUOTE, line, ""));
          }
          if (j >= end) { i = end; break; }
          char q = text.charAt(j);
          if (q == '"') {
            if (j + 1 < text.length() && text.charAt(j + 1) == '"') {
              j += 2;
              length++;
              continue;
            }
            // The closing quote: only spaces may follow before the end of the cell.
            int k = j + 1;
            while (k < text.length() && text.charAt(k) != '\r' && text.charAt(k) != '\n'
                && Character.isWhitespace(text.charAt(k))) k++;
            if (k < text.length() && text.charAt(k) != ',' && text.charAt(k) != '\r' && text.charAt(k) != '\n') {
              if (k >= end) { i = end; break; }
              String after = text.substring(k, Math.min(text.length(), k + 21)).split("[,\r\n]", 2)[0];
              if (after.length() > 20) after = after.substring(0, 20) + "…";
              return Optional.of(new Flaw(cellAt, Flaw.Kind.TEXT_AFTER_QUOTE, line, after));
            }
            i = Math.min(k, end);
            break;
          }
          if (q == '\n') line++;
          else if (q == '\r' && !(j + 1 < text.length() && text.charAt(j + 1) == '\n')) line++;
          if (++length > maxCell) return Optional.of(new Flaw(cellAt, Flaw.Kind.HUGE_CELL, line, ""));
          j++;
        }
        cellStart = false;
        continue;
      }
      if (cellStart) {
        cellAt = new Position(line, cell);
        cellChars = 0;
      }
      cellStart = false;
      if (c == ',') {
        cell++;
        cellStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\n' || !(i + 1 < text.length() && text.charAt(i + 1) == '\n')) line++;
        cell = 1;
        cellStart = true;
      } else if (++cellChars > maxCell) {
        return Optional.of(new Flaw(cellAt, Flaw.Kind.HUGE_CELL, line, ""));
      }
      i++;
    }
    return Optional.empty();
  }
}
