package org.sovecon.report;

import java.util.List;
import org.apache.jena.query.Dataset;

/** Every cited item of the store (fact, claim or observation) with its source and lines. */
public record Citations(List<Cited> items) {

  public record Cited(String kind, String source, int start, int end) {}

  public static Citations of(Dataset ds) {
    List<Cited> items = Queries.selectAll(ds, Queries.load("citations")).stream()
        .map(s -> new Cited(s.getLiteral("kind").getString(), s.getLiteral("source").getString(),
            s.getLiteral("start").getInt(), s.getLiteral("end").getInt()))
        .toList();
    return new Citations(items);
  }
}
