package org.sovecon.convert;

import java.util.Map;

/**
 * Romanisations of Russian Cyrillic, so that a name can be found however a reader spells it:
 * Library of Congress (ALA-LC without its ligatures and diacritics, as English-language histories
 * print it: Preobrazhenskii, Piatakov), BGN/PCGN (Preobrazhenskiy, Pyatakov) and ISO 9 (Preobraženskij,
 * Pâtakov). Characters that are not Cyrillic pass through unchanged.
 *
 * <pre>
 *   Transliteration.LC.apply("Пятаков")  // "Piatakov"
 * </pre>
 */
public enum Transliteration {
  LC("ru-Latn-alalc97"),
  BGN_PCGN("ru-Latn-x-bgnpcgn"),
  ISO9("ru-Latn-x-iso9");

  /** The language tag a romanised label carries (BCP 47; private-use subtags where none is registered). */
  public final String langTag;

  Transliteration(String langTag) {
    this.langTag = langTag;
  }

  private static final String CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  private static final String[] LC_MAP = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o",
      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"};
  private static final String[] BGN_MAP = {"a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
  private static final String[] ISO9_MAP = {"a", "b", "v", "g", "d", "e", "ë", "ž", "z", "i", "j", "k", "l", "m", "n", "o",
      "p", "r", "s", "t", "u", "f", "h", "c", "č", "š", "ŝ", "ʺ", "y", "ʹ", "è", "û", "â"};
  /** BGN/PCGN writes е and ё as ye and yë at the start of a word and after a vowel, й, ъ or ь. */
  private static final String BGN_YE_AFTER = "аеёиоуыэюяйъь";
  private static final Map<Transliteration, String[]> MAPS = Map.of(LC, LC_MAP, BGN_PCGN, BGN_MAP, ISO9, ISO9_MAP);

  /** True if {@code s} has a Cyrillic letter this class romanises. */
  public static boolean hasCyrillic(String s) {
    return s.chars().anyMatch(c -> CYR.indexOf(Character.toLowerCase(c)) >= 0);
  }

  public String apply(String s) {
    String[] map = MAPS.get(this);
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      int k = CYR.indexOf(lower);
      if (k < 0) {
        out.append(c);
        continue;
      }
      String r = map[k];
      if (this == BGN_PCGN && (lower == 'е' || lower == 'ё')) {
        char prev = i == 0 ? ' ' : Character.toLowerCase(s.charAt(i - 1));
        if (!Character.isLetter(prev) || BGN_YE_AFTER.indexOf(prev) >= 0) r = "y" + r;
      }
      if (c != lower && !r.isEmpty()) r = upper(r, wordIsUpper(s, i));
      out.append(r);
    }
    return out.toString();
  }

  /** Ж in "Жуков" gives "Zh"; in "ВСНХ" (a word all in capitals) Х gives "KH". */
  private static String upper(String r, boolean wholeWord) {
    return wholeWord ? r.toUpperCase() : Character.toUpperCase(r.charAt(0)) + r.substring(1);
  }

  private static boolean wordIsUpper(String s, int i) {
    int start = i, end = i;
    while (start > 0 && Character.isLetter(s.charAt(start - 1))) start--;
    while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
    if (end - start < 2) return false;
    for (int j = start; j < end; j++) if (Character.isLowerCase(s.charAt(j))) return false;
    return true;
  }
}
