package org.sovecon.report;

import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Dataset;
import org.sovecon.vocab.Namespaces;

/**
 * Counts over a built store: triples asserted and inferred, entities per class, facts, claims and
 * observations per source, Wikidata links. One JSON object, so scripts can read it.
 */
public final class Stats {
  private Stats() {}

  public static JsonObject of(Dataset ds) {
    JsonObject root = new JsonObject();
    JsonObject triples = new JsonObject();
    long total = 0;
    for (var s : Queries.selectAll(ds, Queries.load("graph-sizes"))) {
      String g = s.getResource("g").getURI().substring(Namespaces.GRAPH.length());
      long n = s.getLiteral("n").getLong();
      triples.put(g, n);
      total += n;
    }
    triples.put("total", total);
    root.put("triples", triples);

    JsonObject classes = new JsonObject();
    for (var s : Queries.selectAll(ds, Queries.load("entities-per-class")))
      classes.put(s.getResource("class").getURI().substring(Namespaces.SOV.length()), s.getLiteral("n").getLong());
    root.put("entities", single(ds, "entity-count"));
    root.put("entitiesPerClass", classes);

    Citations c = Citations.of(ds);
    root.put("facts", perSource(c, "fact"));
    root.put("claims", perSource(c, "claim"));
    root.put("observations", perSource(c, "observation"));
    root.put("wikidataLinks", single(ds, "wikidata-links"));
    return root;
  }

  private static long single(Dataset ds, String query) {
    return Queries.selectAll(ds, Queries.load(query)).get(0).getLiteral("n").getLong();
  }

  /** Counts per source id, with "total"; facts include attributed claims, which are facts about who said what. */
  private static JsonObject perSource(Citations c, String kind) {
    Map<String, Long> counts = new TreeMap<>();
    long total = 0;
    for (Citations.Cited i : c.items()) {
      boolean match = kind.equals("fact") ? !i.kind().equals("observation") : i.kind().equals(kind);
      if (!match) continue;
      counts.merge(i.source(), 1L, Long::sum);
      total++;
    }
    JsonObject o = new JsonObject();
    counts.forEach(o::put);
    o.put("total", total);
    return o;
  }
}
