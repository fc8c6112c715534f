package org.sovecon.check;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.sovecon.table.Row;

/** The names of an entity as the texts may write them: label, aliases, transliteration, normalised. */
public final class Names {
  private Names() {}

  /** Lower case, no accents, one kind of dash and quote, single spaces: how names are compared. */
  public static String normalise(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    n = n.toLowerCase(Locale.ROOT)
        .replace('\u2013', '-').replace('\u2014', '-').replace('\u2019', '\'').replace('\u2018', '\'')
        .replace('\u201c', '"').replace('\u201d', '"').replace('\u00a0', ' ');
    return n.replaceAll("\\s+", " ").trim();
  }

  public static Set<String> of(Row entity) {
    Set<String> names = new LinkedHashSet<>();
    add(names, entity.get("label"));
    add(names, entity.get("translit"));
    for (String a : entity.get("aliases").split(";")) add(names, a);
    // People are mostly named by surname alone: "N. I. Bukharin" is "Bukharin" in the text.
    String label = entity.get("label");
    if (entity.file().getFileName().toString().equals("people.csv") && label.contains(" "))
      add(names, label.substring(label.lastIndexOf(' ') + 1));
    return names;
  }

  private static void add(Set<String> names, String name) {
    String n = normalise(name);
    if (n.length() >= 2) names.add(n);
  }
}
