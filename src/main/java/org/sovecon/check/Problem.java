package org.sovecon.check;

import java.nio.file.Path;
import org.sovecon.table.Row;

/**
 * Something wrong in the input, with where it is: file, line and column (1-based; 0 when not known).
 * {@link #format(Path)} is the one place a problem is turned into text.
 */
public record Problem(Path file, long line, int column, ProblemCode code, Severity severity, String message) {

  public enum Severity { ERROR, WARNING }

  public static Problem error(Path file, long line, int column, ProblemCode code, String message) {
    return new Problem(file, line, column, code, Severity.ERROR, message);
  }

  /** An error in one cell of a row. */
  public static Problem at(Row row, String column, ProblemCode code, String message) {
    return error(row.file(), row.line(), row.column(column), code, message);
  }

  /** {@code data/facts/x.csv:14:3: unknown-reference: no entity 'vsnkh2' (column object)}, compiler style. */
  public String format(Path base) {
    StringBuilder sb = new StringBuilder();
    Path shown = file;
    if (base != null && file != null && file.isAbsolute() && file.startsWith(base)) shown = base.relativize(file);
    sb.append(shown == null ? "<input>" : shown.toString());
    if (line > 0) sb.append(':').append(line);
    if (line > 0 && column > 0) sb.append(':').append(column);
    sb.append(": ");
    if (severity == Severity.WARNING) sb.append("warning: ");
    sb.append(code.id()).append(": ").append(message);
    return sb.toString();
  }
}
