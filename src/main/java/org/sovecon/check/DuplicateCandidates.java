package org.sovecon.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sovecon.table.Row;

/**
 * Pairs of entities that share a name (label, alias or transliteration, compared normalised): each
 * is either one thing entered twice, or two things a curator has told apart by naming the other's
 * id in the note column ("not the same as vtsik").
 */
public final class DuplicateCandidates {
  private DuplicateCandidates() {}

  public record Pair(Row first, Row second, String sharedName) {
    public boolean explained() {
      return first.get("note").contains(second.get("id")) || second.get("note").contains(first.get("id"));
    }
  }

  public static List<Pair> find(Map<String, Row> entities) {
    Map<String, List<Row>> byName = new HashMap<>();
    for (Row r : entities.values())
      for (String n : Names.of(r)) byName.computeIfAbsent(n, k -> new ArrayList<>()).add(r);
    List<Pair> pairs = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    byName.forEach((name, rows) -> {
      for (int i = 0; i < rows.size(); i++)
        for (int j = i + 1; j < rows.size(); j++) {
          Row a = rows.get(i), b = rows.get(j);
          if (a.get("id").equals(b.get("id"))) continue;
          String key = a.get("id").compareTo(b.get("id")) < 0 ? a.get("id") + " " + b.get("id") : b.get("id") + " " + a.get("id");
          if (seen.add(key)) pairs.add(new Pair(a, b, name));
        }
    });
    pairs.sort(java.util.Comparator.comparing((Pair p) -> p.first().file().toString()).thenComparing(p -> p.first().line()));
    return pairs;
  }

  /** Unexplained pairs as warnings, at the later of the two rows. */
  public static void report(Map<String, Row> entities, ProblemReporter reporter) {
    for (Pair p : find(entities)) {
      if (p.explained()) continue;
      reporter.report(new Problem(p.second().file(), p.second().line(), p.second().column("id"), ProblemCode.POSSIBLE_DUPLICATE,
          Problem.Severity.WARNING, "'" + p.second().get("id") + "' and '" + p.first().get("id") + "' ("
              + p.first().file().getFileName() + ":" + p.first().line() + ") share the name '" + p.sharedName()
              + "': merge them, or name the other id in a note to say they differ"));
    }
  }
}
