package org.sovecon.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Russian names in Latin letters, and a matching key under which the usual spellings of one name
 * meet. {@link #key} folds case, accents, soft and hard signs and apostrophes, transliterates any
 * Cyrillic, and merges the variants romanisations disagree on (ii/y/iy/ij, ia/ya/ja, iu/yu/ju,
 * kh/h/x, ts/c/tz, zh/ž, ch/č, sh/š, shch/ŝ/sch, ye/je/e): "Trotskii", "Trotsky", "Trockij" and
 * "Троцкий" all give {@code trocki}. {@link #forms} writes a Cyrillic name in the Library of
 * Congress (ALA-LC), BGN/PCGN and ISO 9 systems, and the popular English form.
 *
 * <pre>
 *   Romanisation.key("Kuibyshev").equals(Romanisation.key("Куйбышев"))   // true
 *   Romanisation.forms("Бухарин")   // [Bukharin, Buharin]
 * </pre>
 *
 * <p>The key is lossy on purpose (it merges ш with с, as ISO 9 without its accents does): it is for
 * finding candidates and scoring likeness, never for telling two names apart.
 */
public final class Romanisation {
  private Romanisation() {}

  private static final String CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

  /** ALA-LC (Library of Congress) without its ligature ties and with its accents. */
  private static final String[] LOC = {"a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "ĭ", "k", "l", "m", "n", "o",
      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ʺ", "y", "ʹ", "ė", "iu", "ia"};
  /** ISO 9:1995 (GOST 7.79 system A): one Latin letter per Cyrillic letter. */
  private static final String[] ISO9 = {"a", "b", "v", "g", "d", "e", "ë", "ž", "z", "i", "j", "k", "l", "m", "n", "o",
      "p", "r", "s", "t", "u", "f", "h", "c", "č", "š", "ŝ", "ʺ", "y", "ʹ", "è", "û", "â"};
  /** BGN/PCGN 1947; е and ё are written ye/yë at the start of a word and after a vowel or a sign. */
  private static final String[] BGN = {"a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "”", "y", "’", "e", "yu", "ya"};

  /**
   * The romanisation systems {@link #romanise} knows. The three standard ones carry the language tag a
   * label written in them has (BCP 47; private-use subtags where none is registered).
   */
  public enum System {
    LOC("ru-Latn-alalc97"), BGN_PCGN("ru-Latn-x-bgnpcgn"), ISO9("ru-Latn-x-iso9"), POPULAR(null);

    /** The systems a Russian label is also written in, as the graph's hidden labels. */
    public static final java.util.List<System> STANDARD = java.util.List.of(LOC, BGN_PCGN, ISO9);

    public final String langTag;

    System(String langTag) {
      this.langTag = langTag;
    }
  }

  private static final Map<String, String> DIGRAPHS = new java.util.LinkedHashMap<>();
  static {
    // Longest first: each is replaced by the one letter the key uses for that sound.
    DIGRAPHS.put("shch", "s");
    DIGRAPHS.put("sch", "s");
    DIGRAPHS.put("zh", "z");
    DIGRAPHS.put("kh", "h");
    DIGRAPHS.put("ch", "c");
    DIGRAPHS.put("sh", "s");
    DIGRAPHS.put("ts", "c");
    DIGRAPHS.put("tz", "c");
    DIGRAPHS.put("x", "ks");
    DIGRAPHS.put("w", "v");
  }

  /** True when {@code s} contains a Cyrillic letter. */
  public static boolean hasCyrillic(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
  }

  /** Lower case, Cyrillic in ALA-LC, no accents, no signs or apostrophes, hyphens as spaces, one space between words. */
  public static String fold(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    if (hasCyrillic(t)) t = romanise(t, System.LOC);
    t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    t = t.replaceAll("[ʹʺ’‘'`\"”“ʼ]", "").replaceAll("[\\p{Pd}_/]", " ").replaceAll("[^\\p{L}\\p{N} ]", " ");
    return t.replaceAll("\\s+", " ").trim();
  }

  /** The matching key: {@link #fold}, then the spelling variants merged, then doubled letters made single. */
  public static String key(String s) {
    String t = fold(s);
    for (var e : DIGRAPHS.entrySet()) t = t.replace(e.getKey(), e.getValue());
    t = t.replace('y', 'i').replace('j', 'i');
    // The iotation marker: ia/ya, iu/yu, ie/ye, io/yo all keep only their vowel.
    t = t.replaceAll("i([aeuo])", "$1");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (b.length() > 0 && b.charAt(b.length() - 1) == c && c != ' ') continue;
      b.append(c);
    }
    return b.toString();
  }

  /** {@code cyrillic} written in {@code system}; Latin letters and anything else pass through. */
  public static String romanise(String cyrillic, System system) {
    String s = system == System.POPULAR ? cyrillic.replaceAll("(?iu)([иы])й\\b", "y") : cyrillic;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String out = letter(s, i, system);
      if (out == null) { b.append(c); continue; }
      if (Character.isUpperCase(c) && !out.isEmpty()) out = out.substring(0, 1).toUpperCase(Locale.ROOT) + out.substring(1);
      b.append(out);
    }
    return b.toString();
  }

  /**
   * {@code cyrillic} as English-language books print it in {@code system}: ALA-LC without its accents
   * and signs (Preobrazhenskii, Obedinenie), BGN/PCGN without its signs (Obyedineniye), ISO 9 in full;
   * a word all in capitals stays in capitals (ВСНХ: VSNKH). The graph's hidden labels are written so.
   */
  public static String printed(String cyrillic, System system) {
    StringBuilder b = new StringBuilder(cyrillic.length() + 8);
    for (int i = 0; i < cyrillic.length(); i++) {
      char c = cyrillic.charAt(i);
      String out = letter(cyrillic, i, system);
      if (out == null) { b.append(c); continue; }
      if (system == System.LOC) out = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("[\\p{M}ʹʺ]", "");
      if (system == System.BGN_PCGN) out = out.replaceAll("[”’]", "");
      if (Character.isUpperCase(c) && !out.isEmpty())
        out = wordIsUpper(cyrillic, i) ? out.toUpperCase(Locale.ROOT) : out.substring(0, 1).toUpperCase(Locale.ROOT) + out.substring(1);
      b.append(out);
    }
    return b.toString();
  }

  /** The letter at {@code i} in lower case as {@code system} writes it there, or null when it is not Cyrillic. */
  private static String letter(String s, int i, System system) {
    char lower = Character.toLowerCase(s.charAt(i));
    int at = CYR.indexOf(lower);
    if (at < 0) return null;
    String[] table = switch (system) { case LOC -> LOC; case ISO9 -> ISO9; default -> BGN; };
    String out = table[at];
    if (system == System.BGN_PCGN || system == System.POPULAR) {
      char prev = i == 0 ? ' ' : Character.toLowerCase(s.charAt(i - 1));
      boolean initial = !Character.isLetter(prev) || "аеёиоуыэюяйъь".indexOf(prev) >= 0;
      if (lower == 'е' && initial) out = "ye";
      if (lower == 'ё') out = initial ? "yë" : "ë";
      if (system == System.POPULAR) out = out.replace("ë", "yo").replace("”", "").replace("’", "");
    }
    return out;
  }

  /** Whether the word around {@code i} has two or more letters, all capitals (an acronym such as ВСНХ). */
  private static boolean wordIsUpper(String s, int i) {
    int start = i, end = i;
    while (start > 0 && Character.isLetter(s.charAt(start - 1))) start--;
    while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
    if (end - start < 2) return false;
    for (int j = start; j < end; j++) if (Character.isLowerCase(s.charAt(j))) return false;
    return true;
  }

  /** The distinct romanisations of a Cyrillic name (none for a Latin one), the popular form first. */
  public static Set<String> forms(String cyrillic) {
    Set<String> out = new LinkedHashSet<>();
    if (!hasCyrillic(cyrillic)) return out;
    out.add(romanise(cyrillic, System.POPULAR));
    for (System s : new System[] {System.LOC, System.BGN_PCGN, System.ISO9}) out.add(romanise(cyrillic, s));
    return out;
  }
}
