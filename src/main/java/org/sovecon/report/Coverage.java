package org.sovecon.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * How many facts (statements, claims and observations) cite each window of lines of each source, so a
 * curator sees which parts of a text are not yet in the graph. A citation counts in every window
 * its line range touches.
 */
public final class Coverage {
  private Coverage() {}

  public record SourceCoverage(String source, int lines, int window, int[] facts) {}

  public static Map<String, SourceCoverage> of(Citations citations, Map<String, Integer> lineCounts, int window) {
    if (window < 1) throw new IllegalArgumentException("window must be at least 1");
    Map<String, SourceCoverage> out = new LinkedHashMap<>();
    lineCounts.forEach((id, lines) -> out.put(id, new SourceCoverage(id, lines, window, new int[(lines + window - 1) / window])));
    for (Citations.Cited c : citations.items()) {
      SourceCoverage sc = out.get(c.source());
      if (sc == null) continue;
      int first = (c.start() - 1) / window;
      int last = Math.min((c.end() - 1) / window, sc.facts().length - 1);
      for (int w = first; w <= last; w++) sc.facts()[w]++;
    }
    return out;
  }

  public static JsonObject toJson(Map<String, SourceCoverage> coverage) {
    JsonObject root = new JsonObject();
    coverage.forEach((id, sc) -> {
      JsonObject o = new JsonObject();
      o.put("window", sc.window());
      o.put("lines", sc.lines());
      JsonArray a = new JsonArray();
      for (int n : sc.facts()) a.add(n);
      o.put("facts", a);
      root.put(id, o);
    });
    return root;
  }
}
