package org.sovecon.serve.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sovecon.serve.reconcile.ReconIndex.Entity;
import org.sovecon.serve.reconcile.ReconIndex.Fact;
import org.sovecon.serve.reconcile.ReconIndex.Name;
import org.sovecon.text.NameLikeness;
import org.sovecon.text.Romanisation;

/**
 * Scores the entities of a {@link ReconIndex} against one reconciliation query: a name, optional
 * types, and optional property values (dates, posts, factions…) that raise or lower the score.
 *
 * <p>The name score (0-100) is the best over the entity's names, compared by
 * {@link Romanisation#key}: 100 for the same key, 90 when every word of one is a word (or the
 * initial of a word) of the other ("Bukharin", "N. I. Bukharin", "Nikolai Ivanovich Bukharin"),
 * less 8 for each further word of the longer one, or else a blend of edit distance and shared words ({@link NameLikeness}). Each property value that agrees with a cited statement
 * adds {@value #AGREES}; one that the entity's statements contradict takes {@value #DISAGREES} off.
 * A candidate is a {@code match} (OpenRefine accepts it without asking) only when its score is at
 * least 95, no property contradicts it, and the next candidate is at least 10 points lower.
 */
public final class Matcher {
  static final double AGREES = 8, DISAGREES = 10, LEAST = 40;

  /** One property constraint of a query: the values given for it, as text or as entity ids. */
  public record PropertyValue(String pid, List<String> texts, List<String> ids) {}

  public record Query(String text, List<String> types, int limit, List<PropertyValue> properties) {}

  public record Candidate(Entity entity, double score, double nameScore, int agreeing, int disagreeing, boolean match) {}

  /** Names of a property in a spreadsheet, mapped to the ontology's property. */
  private static final Map<String, List<String>> PROPERTY_ALIASES = Map.ofEntries(
      Map.entry("post", List.of("heldPost")), Map.entry("posts", List.of("heldPost")),
      Map.entry("office", List.of("heldPost")), Map.entry("position", List.of("heldPost")),
      Map.entry("faction", List.of("memberOf", "supported")), Map.entry("factions", List.of("memberOf", "supported")),
      Map.entry("party", List.of("memberOf")), Map.entry("member", List.of("memberOf")),
      Map.entry("birth", List.of("born")), Map.entry("birthdate", List.of("born")), Map.entry("dob", List.of("born")),
      Map.entry("death", List.of("died")), Map.entry("deathdate", List.of("died")), Map.entry("dod", List.of("died")));
  /** Property ids that ask whether the entity was active in a year, not for one statement. */
  private static final List<String> ANY_DATE = List.of("year", "date", "dates", "active", "when");

  private final ReconIndex index;

  public Matcher(ReconIndex index) {
    this.index = index;
  }

  public List<Candidate> candidates(Query q) {
    String key = Romanisation.key(q.text() == null ? "" : q.text());
    List<Candidate> out = new ArrayList<>();
    for (Entity e : index.entities()) {
      if (!q.types().isEmpty() && q.types().stream().noneMatch(e::hasType)) continue;
      double name = key.isEmpty() ? 0 : nameScore(key, e);
      if (name < LEAST && !key.isEmpty()) continue;
      int agree = 0, disagree = 0;
      for (PropertyValue pv : q.properties()) {
        int verdict = judge(pv, e);
        if (verdict > 0) agree++;
        if (verdict < 0) disagree++;
      }
      if (key.isEmpty() && agree == 0) continue;
      double score = Math.max(0, Math.min(100, name + AGREES * agree - DISAGREES * disagree));
      out.add(new Candidate(e, round(score), round(name), agree, disagree, false));
    }
    // Among equals, the entity whose own label it is, then the one the texts say most about.
    out.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> !Romanisation.key(c.entity().label()).equals(key))
        .thenComparing(c -> -c.entity().facts().size())
        .thenComparing(c -> c.entity().id()));
    List<Candidate> top = new ArrayList<>(out.subList(0, Math.min(out.size(), Math.max(1, q.limit()))));
    if (!top.isEmpty()) {
      Candidate first = top.get(0);
      double next = out.size() > 1 ? out.get(1).score() : 0;
      if (first.score() >= 95 && first.disagreeing() == 0 && first.score() - next >= 10)
        top.set(0, new Candidate(first.entity(), first.score(), first.nameScore(), first.agreeing(), 0, true));
    }
    return top;
  }

  static double nameScore(String queryKey, Entity e) {
    double best = 0;
    for (Name n : e.names()) best = Math.max(best, NameLikeness.of(queryKey, n.key()));
    return best;
  }

  /** +1 when a cited statement agrees with the value, -1 when the entity's statements contradict it, 0 when they say nothing. */
  static int judge(PropertyValue pv, Entity e) {
    String pid = pv.pid().toLowerCase(Locale.ROOT);
    if (ANY_DATE.contains(pid)) return activeIn(pv, e);
    List<String> properties = PROPERTY_ALIASES.getOrDefault(pid, List.of(pv.pid()));
    List<Fact> facts = e.facts().stream()
        .filter(f -> properties.stream().anyMatch(p -> p.equalsIgnoreCase(f.property()))).toList();
    if (facts.isEmpty()) return 0;
    for (Fact f : facts) {
      if (f.valueId() != null && pv.ids().contains(f.valueId())) return 1;
      for (String t : pv.texts()) {
        if (f.valueId() != null && f.valueId().equals(t)) return 1;
        if (NameLikeness.of(Romanisation.key(t), Romanisation.key(f.value())) >= 90) return 1;
        var year = ReconIndex.YEAR.matcher(t);
        if (f.valueId() == null && year.find() && f.years().contains(Integer.parseInt(year.group()))) return 1;
      }
      if (f.valueId() != null) {
        // A post or faction given by words of its name ("Gosplan" for "Chairman of Gosplan").
        List<String> valueWords = Arrays.asList(Romanisation.key(f.value()).split(" "));
        for (String t : pv.texts()) {
          String k = Romanisation.key(t);
          if (!k.isEmpty() && valueWords.containsAll(Arrays.asList(k.split(" ")))) return 1;
        }
      }
    }
    return -1;
  }

  /** A year given for "year"/"active": +1 when it lies within the years the entity's statements cover. */
  private static int activeIn(PropertyValue pv, Entity e) {
    List<Integer> years = e.facts().stream().flatMap(f -> f.years().stream()).collect(Collectors.toList());
    if (years.isEmpty()) return 0;
    int min = years.stream().min(Integer::compare).get(), max = years.stream().max(Integer::compare).get();
    for (String t : pv.texts()) {
      var m = ReconIndex.YEAR.matcher(t);
      if (!m.find()) continue;
      int y = Integer.parseInt(m.group());
      if (y >= min - 1 && y <= max + 1) return 1;
      if (y < min - 10 || y > max + 10) return -1;
    }
    return 0;
  }

  private static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }
}
