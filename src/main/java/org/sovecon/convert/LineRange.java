package org.sovecon.convert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A citation's line range in a source text: "2563-2566", "21", or with the notes' L prefix. */
public record LineRange(int start, int end) {

  private static final Pattern FORM = Pattern.compile("L?(\\d+)(?:\\s*[-\u2013]\\s*L?(\\d+))?");

  public static Optional<LineRange> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) return Optional.empty();
    int a, b;
    try {
      a = Integer.parseInt(m.group(1));
      b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      return Optional.empty(); // more digits than any text has lines
    }
    if (a < 1 || b < a) return Optional.empty();
    return Optional.of(new LineRange(a, b));
  }

  @Override
  public String toString() {
    return start == end ? Integer.toString(start) : start + "-" + end;
  }
}
