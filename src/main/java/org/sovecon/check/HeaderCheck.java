package org.sovecon.check;

import java.util.HashSet;
import java.util.Set;
import org.sovecon.convert.Ontology;
import org.sovecon.table.Table;

/** Checks a table's header: required columns present, no unknown or repeated columns. */
public final class HeaderCheck {
  private HeaderCheck() {}

  /** Reports header problems; returns false when a required column is missing (rows can't be read). */
  public static boolean check(Table table, Ontology ontology, ProblemReporter reporter) {
    boolean ok = true;
    for (String col : table.kind().required()) {
      if (!table.header().contains(col)) {
        reporter.report(Problem.error(table.file(), 1, 0, ProblemCode.MISSING_COLUMN,
            "the header has no column '" + col + "'"));
        ok = false;
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < table.header().size(); i++) {
      String col = table.header().get(i);
      if (!seen.add(col))
        reporter.report(Problem.error(table.file(), 1, i + 1, ProblemCode.DUPLICATE_COLUMN,
            "column '" + col + "' appears twice"));
      else if (!table.kind().knows(col)
          && !(table.kind().allowsPropertyColumns() && ontology.property(col).isPresent()))
        reporter.report(Problem.error(table.file(), 1, i + 1, ProblemCode.UNKNOWN_COLUMN,
            "unknown column '" + col + "'"));
    }
    return ok;
  }
}
