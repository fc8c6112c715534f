package org.sovecon.link;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QuerySolution;
import org.sovecon.report.Queries;
import org.sovecon.text.NameLikeness;
import org.sovecon.text.Romanisation;
import org.sovecon.vocab.Namespaces;

/**
 * Proposes Wikidata items for the entities that have none, for a person to review: each entity's
 * English and Russian labels are searched with {@link WikidataSearch}, and every item found becomes a
 * row of a review file (CSV) with how alike its label is to ours. Nothing is ever written to data/:
 * a QID goes into data/ only after someone has checked it against public evidence
 * (docs/wikidata-links.md says how).
 */
public final class WikidataCandidates {
  public static final List<String> HEADER = List.of("entity", "kind", "label", "label_ru", "searched", "language", "qid",
      "wikidata_label", "wikidata_description", "matched_on", "name_score", "status", "searched_at");
  public static final String UNREVIEWED = "unreviewed candidate";

  /** An entity to find an item for. */
  public record Entity(String id, String kind, String label, String labelRu) {}

  /** What a run did. */
  public record Result(int entities, int searches, int candidates) {}

  public static List<Entity> unlinked(Dataset ds) {
    List<Entity> out = new ArrayList<>();
    for (QuerySolution r : Queries.selectAll(ds, Queries.load("link-unlinked"))) {
      out.add(new Entity(r.getResource("e").getURI().substring(Namespaces.ID.length()), r.getLiteral("kind").getLexicalForm(),
          r.getLiteral("label").getLexicalForm(), r.contains("labelRu") ? r.getLiteral("labelRu").getLexicalForm() : ""));
    }
    return out;
  }

  /**
   * Searches for each entity and writes every candidate to {@code out}. Throws {@link WikidataSearch.Offline}
   * at the first search when the API cannot be reached, before the file is touched.
   */
  public static Result propose(List<Entity> entities, WikidataSearch api, int perSearch, Duration pause, Path out)
      throws IOException {
    List<List<String>> rows = new ArrayList<>();
    int searches = 0;
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (Entity e : entities) {
      Map<String, String> queries = new LinkedHashMap<>();
      queries.put(e.label(), "en");
      if (!e.labelRu().isBlank()) queries.put(e.labelRu(), "ru");
      for (var q : queries.entrySet()) {
        if (searches > 0 && !pause.isZero()) sleep(pause);
        List<WikidataSearch.Hit> hits = api.search(q.getKey(), q.getValue(), perSearch);
        searches++;
        for (WikidataSearch.Hit h : hits) {
          double score = Math.max(NameLikeness.of(Romanisation.key(q.getKey()), Romanisation.key(h.label())),
              NameLikeness.of(Romanisation.key(q.getKey()), Romanisation.key(h.matchedText())));
          rows.add(List.of(e.id(), e.kind(), e.label(), e.labelRu(), q.getKey(), q.getValue(), h.qid(), h.label(),
              h.description(), h.matchType(), String.valueOf(Math.round(score)), UNREVIEWED, now));
        }
      }
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
         CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
      for (List<String> r : rows) p.printRecord(r);
    }
    return new Result(entities.size(), searches, rows.size());
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
