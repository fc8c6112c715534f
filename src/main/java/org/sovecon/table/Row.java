package org.sovecon.table;

import java.nio.file.Path;
import java.util.List;

/**
 * One record of a table with its origin: the file and the line it starts on (a quoted cell may span
 * lines, so this is not the record number). Cells are trimmed; a missing cell reads as "".
 */
public record Row(Path file, long line, List<String> header, List<String> cells) {

  /** The trimmed value of a column, or "" when the column or the cell is absent. */
  public String get(String column) {
    int i = header.indexOf(column);
    if (i < 0 || i >= cells.size()) return "";
    return cells.get(i).trim();
  }

  public boolean has(String column) {
    return !get(column).isEmpty();
  }

  /** The 1-based column number of a column, as a spreadsheet user counts; 0 when absent. */
  public int column(String column) {
    return header.indexOf(column) + 1;
  }
}
