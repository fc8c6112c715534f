package org.sovecon.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sovecon.convert.Index;
import org.sovecon.convert.LineRange;
import org.sovecon.convert.SourceTexts;
import org.sovecon.table.Inputs;
import org.sovecon.table.Row;
import org.sovecon.table.TableKind;

/**
 * Does each fact's cited passage name what the fact is about? A fact passes when its lines, with
 * {@link #SLACK} lines either side, mention its subject or its object by one of their names, or what
 * a role at an event concerned ({@code regarding}), or the work a claim was stated in: a passage
 * that names the speech it quotes is the right passage for the claim. A
 * miss is a citation to check: either the lines are off, or the text names the thing in a way the
 * aliases lack (then add the alias), or the row's note says why (a pronoun, "the commission").
 */
public final class MentionCheck {
  public static final int SLACK = 2;

  public record Miss(Row row, String subject, String object) {}

  public record Result(int checked, int mentioned, List<Miss> misses) {
    public double rate() {
      return checked == 0 ? 1.0 : (double) mentioned / checked;
    }
  }

  private MentionCheck() {}

  public static Result run(Inputs inputs, Index index, SourceTexts texts) {
    Map<String, Row> entities = index.entities();
    int checked = 0, mentioned = 0;
    List<Miss> misses = new ArrayList<>();
    for (var t : inputs.of(TableKind.FACTS)) {
      for (Row r : t.rows()) {
        Optional<Index.SourceInfo> src = index.source(r.get("source"));
        Optional<LineRange> lines = LineRange.parse(r.get("lines"));
        if (src.isEmpty() || lines.isEmpty() || texts == null) continue;
        Optional<List<String>> text = texts.lines(src.get());
        if (text.isEmpty()) continue;
        int from = Math.max(1, lines.get().start() - SLACK), to = Math.min(text.get().size(), lines.get().end() + SLACK);
        if (from > to) continue;
        String passage = Names.normalise(readable(String.join("\n", text.get().subList(from - 1, to))));
        checked++;
        if (named(entities.get(r.get("subject")), passage) || named(entities.get(r.get("object")), passage)
            || named(entities.get(r.get("regarding")), passage) || named(entities.get(r.get("stated_in")), passage)) mentioned++;
        else misses.add(new Miss(r, r.get("subject"), r.get("object")));
      }
    }
    return new Result(checked, mentioned, misses);
  }

  /**
   * The passage as words: a word hyphenated across a line break is joined ("Con-\ngress"), a compound
   * broken at its own hyphen keeps it ("Five-\nYear"), and an
   * endnote number stuck to a word is dropped ("Lubyanka36").
   */
  static String readable(String passage) {
    return passage.replaceAll("(\\p{L})-\\s*\\n\\s*(\\p{Ll})", "$1$2")
        .replaceAll("(\\p{L})-\\s*\\n\\s*(\\p{Lu})", "$1-$2") // a compound broken at its hyphen: "Five-\nYear"
        .replaceAll("(\\p{L}{3,})\\d{1,3}\\b", "$1")
        .replace('\n', ' ');
  }

  private static boolean named(Row entity, String passage) {
    if (entity == null) return false;
    Set<String> names = Names.of(entity);
    for (String n : names) if (containsWord(passage, n)) return true;
    return false;
  }

  /** The name as whole words: "mir" must not match "admiral". */
  static boolean containsWord(String text, String name) {
    int i = text.indexOf(name);
    while (i >= 0) {
      boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      int end = i + name.length();
      boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))
          || (end < text.length() && text.charAt(end) == 's'); // plural: "kulaks", "soviets"
      if (startOk && endOk) return true;
      i = text.indexOf(name, i + 1);
    }
    return false;
  }
}
