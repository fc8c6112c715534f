package org.sovecon.convert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical period as the text writes it, with the calendar years it touches. Soviet economic
 * years ("1926/27", October to September) are kept as written; their span is two calendar years.
 */
public record Period(String label, int startYear, int endYear) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern ECONOMIC_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");
  private static final Pattern RANGE =
      Pattern.compile("(\\d{4})(?:/(\\d{2}))?\\s*[-\u2013]\\s*(\\d{4})(?:/(\\d{2}))?");

  /** Periods the texts name without years; their calendar span is not known. */
  private static final java.util.Set<String> NAMED = java.util.Set.of("prewar");

  /** Whether the period has calendar years (a named one like "prewar" has none). */
  public boolean hasYears() {
    return startYear > 0;
  }

  public static Optional<Period> parse(String text) {
    String t = text.trim();
    if (NAMED.contains(t)) return Optional.of(new Period(t, 0, 0));
    Matcher m;
    if ((m = YEAR.matcher(t)).matches()) {
      int y = Integer.parseInt(m.group(1));
      return Optional.of(new Period(t, y, y));
    }
    if ((m = MONTH.matcher(t)).matches()) {
      int y = Integer.parseInt(m.group(1));
      return Optional.of(new Period(t, y, y));
    }
    if ((m = ECONOMIC_YEAR.matcher(t)).matches()) {
      int y = Integer.parseInt(m.group(1));
      int next = century(y) + Integer.parseInt(m.group(2));
      return next == y + 1 ? Optional.of(new Period(t, y, next)) : Optional.empty();
    }
    if ((m = RANGE.matcher(t)).matches()) {
      int from = Integer.parseInt(m.group(1));
      int to = Integer.parseInt(m.group(3));
      if (m.group(4) != null) to = century(to) + Integer.parseInt(m.group(4));
      return to >= from ? Optional.of(new Period(t, from, to)) : Optional.empty();
    }
    return Optional.empty();
  }

  private static int century(int year) {
    return year - year % 100;
  }
}
