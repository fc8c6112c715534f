package org.sovecon.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sovecon.table.Inputs;
import org.sovecon.table.Row;
import org.sovecon.table.TableKind;

/**
 * Notes are for curators; a question answered only by a note fails. This check finds the notes of
 * fact and observation rows that name an entity or a year which no fact carries: neither the row
 * itself (its subject, object, qualifiers, claimant, dates, period) nor any other row about the same
 * subject. Such a note hides a fact (who, when, which body): make it a row or a qualifier.
 *
 * <p>Words in quotation marks are the text's own wording, recorded to show how a reading was made,
 * and are not searched; nor are line references ("L123") or citations of another source's lines.
 */
public final class NoteCheck {
  /** Names shorter than this match too many ordinary words in notes ("mir", "tsk"). */
  private static final int MIN_NAME = 4;
  private static final Pattern YEAR = Pattern.compile("(?<![\\dLl./-])(1[89]\\d\\d)(?![\\d])");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019");
  private static final List<String> DATE_COLUMNS = List.of("start", "end", "date", "object", "period", "base", "item");

  public record Finding(Row row, Set<String> entities, Set<String> years) {
    public String describe() {
      List<String> parts = new ArrayList<>();
      if (!entities.isEmpty()) parts.add("entity " + String.join(", ", entities));
      if (!years.isEmpty()) parts.add("year " + String.join(", ", years));
      return String.join(" and ", parts);
    }
  }

  private NoteCheck() {}

  /**
   * @param sourceIds the source ids: a note's pointer to another source ("conrad-1997 L27 says 1923")
   *     is a curator's cross-reference, not a mention of the source's author or subject
   */
  public static List<Finding> find(Inputs inputs, Map<String, Row> entities, Set<String> sourceIds) {
    Map<String, Set<String>> byName = new HashMap<>();
    for (Row e : entities.values())
      for (String n : Names.of(e))
        if (n.length() >= MIN_NAME) byName.computeIfAbsent(n, k -> new HashSet<>()).add(e.get("id"));

    List<Row> rows = new ArrayList<>();
    for (TableKind kind : List.of(TableKind.FACTS, TableKind.OBSERVATIONS))
      for (var t : inputs.of(kind)) rows.addAll(t.rows());
    // What every subject is already linked to, and the years of its facts, across all rows.
    Map<String, Set<String>> linked = new HashMap<>();
    Map<String, Set<String>> years = new HashMap<>();
    for (Row r : rows) {
      Set<String> ids = idsOf(r, entities);
      Set<String> ys = yearsOf(r);
      for (String id : ids) {
        linked.computeIfAbsent(id, k -> new HashSet<>()).addAll(ids);
        years.computeIfAbsent(id, k -> new HashSet<>()).addAll(ys);
      }
    }
    NameIndex names = new NameIndex(byName.keySet());
    List<Finding> findings = new ArrayList<>();
    for (Row r : rows) {
      if (!r.has("note")) continue;
      String note = Names.normalise(withoutSourceIds(QUOTED.matcher(r.get("note")).replaceAll(" "), sourceIds));
      Set<String> ids = idsOf(r, entities);
      Set<String> ownYears = yearsOf(r);
      // Looked up, not copied: an entity named in many rows is linked to thousands of others.
      java.util.function.Predicate<String> carried = id -> ids.contains(id)
          || ids.stream().anyMatch(i -> linked.getOrDefault(i, Set.of()).contains(id));
      java.util.function.Predicate<String> carriedYear = y -> ownYears.contains(y)
          || ids.stream().anyMatch(i -> years.getOrDefault(i, Set.of()).contains(y));
      // A name inside a longer name found in the same note ("Leninism" in "Marxism-Leninism") is not
      // a mention of its own.
      List<String> found = new ArrayList<>();
      String raw = withoutSourceIds(QUOTED.matcher(r.get("note")).replaceAll(" "), sourceIds);
      names.candidates(note).forEach(name -> {
        if (MentionCheck.containsWord(note, name) && (name.contains(" ") || capitalised(raw, name))) found.add(name);
      });
      Set<String> namedEntities = new TreeSet<>();
      for (String name : found) {
        boolean inside = found.stream().anyMatch(longer -> longer.length() > name.length() && longer.contains(name));
        if (!inside) for (String id : byName.get(name)) if (!carried.test(id)) namedEntities.add(id);
      }
      Set<String> namedYears = new TreeSet<>();
      Matcher m = YEAR.matcher(note);
      while (m.find()) if (!carriedYear.test(m.group(1))) namedYears.add(m.group(1));
      if (!namedEntities.isEmpty() || !namedYears.isEmpty()) findings.add(new Finding(r, namedEntities, namedYears));
    }
    return findings;
  }

  public static void report(Inputs inputs, Map<String, Row> entities, Set<String> sourceIds, ProblemReporter reporter) {
    for (Finding f : find(inputs, entities, sourceIds))
      reporter.report(new Problem(f.row().file(), f.row().line(), f.row().column("note"), ProblemCode.NOTE_FACT,
          Problem.Severity.WARNING, "the note names " + f.describe()
              + ", which no fact of this row or its subject carries: make it a fact, a qualifier or an observation"));
  }

  /**
   * A one-word name counts only where the note writes it as a name, capitalised ("Rykov", "Pravda"):
   * in lower case it is an ordinary word ("price", "wages", "the right"), which is what a concept
   * called "Price" shares with every note about prices.
   */
  private static boolean capitalised(String rawNote, String name) {
    var m = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(name) + "(?![\\p{L}\\d])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(rawNote);
    while (m.find()) if (Character.isUpperCase(m.group().charAt(0)) || !Character.isLetter(m.group().charAt(0))) return true;
    return false;
  }

  /**
   * The names a note may contain, found from its words instead of trying every name on every note:
   * a name found by {@link MentionCheck#containsWord} appears letter for letter, so its first word is a
   * word of the note (a one-word name may also be that word less a plural "s"), and the note's next
   * word begins with the name's second word. Names are looked up by their first word and the first two
   * letters of their second. With every name tried on every note the check grew with names × notes;
   * keyed on the first word alone, names that share it ("Rykov" and "Rykov c2", as in the benchmark's
   * copies) were all tried on every note that says "Rykov".
   */
  static final class NameIndex {
    private static final int PREFIX = 2;
    private final Map<String, List<String>> oneWord = new HashMap<>();
    private final Map<String, List<String>> byFirstWords = new HashMap<>();

    NameIndex(Set<String> names) {
      for (String n : names) {
        int first = nextWord(n, 0);
        if (first >= n.length()) continue; // no letter or digit: containsWord finds it nowhere useful
        String w = firstWord(n, first);
        int second = nextWord(n, first + w.length());
        if (second >= n.length()) oneWord.computeIfAbsent(w, k -> new ArrayList<>()).add(n);
        else {
          String w2 = firstWord(n, second);
          byFirstWords.computeIfAbsent(key(w, w2, PREFIX), k -> new ArrayList<>()).add(n);
        }
      }
    }

    Set<String> candidates(String text) {
      Set<String> out = new HashSet<>();
      int i = nextWord(text, 0);
      while (i < text.length()) {
        String w = firstWord(text, i);
        out.addAll(oneWord.getOrDefault(w, List.of()));
        if (w.endsWith("s")) out.addAll(oneWord.getOrDefault(w.substring(0, w.length() - 1), List.of()));
        int next = nextWord(text, i + w.length());
        if (next < text.length()) {
          String w2 = firstWord(text, next);
          for (int p = 1; p <= PREFIX; p++) out.addAll(byFirstWords.getOrDefault(key(w, w2, p), List.of()));
        }
        i = next;
      }
      return out;
    }

    /** A name's (or a note's) first word and the first letters of the next: at most {@code prefix}. */
    private static String key(String first, String second, int prefix) {
      return first + '\u0000' + second.substring(0, Math.min(prefix, second.length()));
    }

    private static int nextWord(String s, int from) {
      int i = from;
      while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) i++;
      return i;
    }

    private static String firstWord(String s, int from) {
      int end = from;
      while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) end++;
      return s.substring(from, end);
    }
  }

  private static String withoutSourceIds(String note, Set<String> sourceIds) {
    for (String id : sourceIds) note = note.replace(id, " ");
    return note;
  }

  private static Set<String> idsOf(Row r, Map<String, Row> entities) {
    Set<String> ids = new HashSet<>();
    for (String cell : r.cells())
      for (String part : cell.split(";"))
        if (entities.containsKey(part.trim())) ids.add(part.trim());
    return ids;
  }

  private static Set<String> yearsOf(Row r) {
    Set<String> ys = new HashSet<>();
    for (String col : DATE_COLUMNS) {
      Matcher m = YEAR.matcher(r.get(col));
      while (m.find()) ys.add(m.group(1));
      // an economic year 1926/27 covers both calendar years
      Matcher eco = Pattern.compile("(1[89]\\d)(\\d)/(\\d\\d)").matcher(r.get(col));
      while (eco.find()) ys.add(eco.group(1).substring(0, 2) + eco.group(3));
    }
    return ys;
  }
}
