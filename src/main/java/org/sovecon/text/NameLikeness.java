package org.sovecon.text;

import java.util.Arrays;
import java.util.List;

/**
 * How alike two names are, 0-100, compared by their {@link Romanisation#key}s: 100 for the same key;
 * 90 when every word of one is a word (or the initial of a word) of the other ("Bukharin",
 * "N. I. Bukharin", "Nikolai Ivanovich Bukharin"), less 8 for each further word of the longer one;
 * otherwise 90 × (0.4 × the edit-distance likeness of the whole + 0.6 × the share of content words
 * in common).
 *
 * <pre>
 *   NameLikeness.of(Romanisation.key("Bukharin"), Romanisation.key("N. I. Bukharin"))   // 90
 * </pre>
 */
public final class NameLikeness {
  private NameLikeness() {}

  /** How alike two matching keys are, 0-100. */
  public static double of(String a, String b) {
    if (a.equals(b)) return 100;
    List<String> ta = Arrays.asList(a.split(" ")), tb = Arrays.asList(b.split(" "));
    int extra = Math.min(wordsBeyond(ta, tb), wordsBeyond(tb, ta));
    double words = extra == Integer.MAX_VALUE ? 0 : 90 - 8 * extra;
    double letters = 1 - (double) levenshtein(a, b) / Math.max(a.length(), b.length());
    return Math.max(words, 90.0 * (0.4 * letters + 0.6 * sharedWords(ta, tb)));
  }

  /** Words that say nothing about which thing a name means. */
  private static final java.util.Set<String> STOP = java.util.Set.of("of", "the", "and", "in", "on", "for", "a", "to", "at", "by");

  /**
   * The share of content words two names have in common (Dice), a word counting as shared when it
   * is within one edit in five of a word of the other: long names that share only "of the Soviet
   * Union" are not alike, a misspelt surname still is.
   */
  static double sharedWords(List<String> a, List<String> b) {
    List<String> ca = a.stream().filter(w -> !STOP.contains(w)).toList(), cb = b.stream().filter(w -> !STOP.contains(w)).toList();
    if (ca.isEmpty() || cb.isEmpty()) return 0;
    int shared = 0;
    for (String w : ca)
      for (String x : cb)
        if (1 - (double) levenshtein(w, x) / Math.max(w.length(), x.length()) >= 0.8) { shared++; break; }
    return 2.0 * shared / (ca.size() + cb.size());
  }

  /**
   * When every word of {@code small} is a word of {@code big}, or an initial of one, in order, and
   * at least one is a whole word: how many whole words {@code big} has beyond them ("Bukharin" in
   * "N. I. Bukharin": 0; in "Bukharin-Kamenev conversation": 2). Otherwise {@code MAX_VALUE}.
   */
  private static int wordsBeyond(List<String> small, List<String> big) {
    int j = 0, beyond = 0;
    boolean whole = false;
    for (String w : small) {
      boolean found = false;
      while (j < big.size() && !found) {
        String x = big.get(j++);
        if (x.equals(w)) { found = true; whole |= w.length() > 1; }
        else if ((w.length() == 1 && x.startsWith(w)) || (x.length() == 1 && w.startsWith(x))) found = true;
        else if (x.length() > 1) beyond++;
      }
      if (!found) return Integer.MAX_VALUE;
    }
    for (; j < big.size(); j++) if (big.get(j).length() > 1) beyond++;
    return whole ? beyond : Integer.MAX_VALUE;
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++)
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      int[] t = prev; prev = cur; cur = t;
    }
    return prev[b.length()];
  }
}
