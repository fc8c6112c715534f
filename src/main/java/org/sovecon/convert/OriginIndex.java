package org.sovecon.convert;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.sovecon.table.Row;

/**
 * Which row each minted node came from. SHACL reports a focus node; this turns it back into the
 * file and line a curator can open.
 */
public final class OriginIndex {
  /** A row, and the column a value came from (empty when the whole row is meant). */
  public record Origin(Row row, String column) {}

  private final Map<Node, Row> origins = new HashMap<>();
  private final Map<Triple, Origin> tripleOrigins = new HashMap<>();

  public void record(Node node, Row row) {
    origins.putIfAbsent(node, row);
  }

  /** Records the row and column a plain fact triple came from, so a violation on it names that cell. */
  public void record(Triple triple, Row row, String column) {
    tripleOrigins.putIfAbsent(triple, new Origin(row, column));
  }

  public Optional<Origin> origin(Triple triple) {
    return Optional.ofNullable(tripleOrigins.get(triple));
  }

  public Optional<Row> origin(Node node) {
    return Optional.ofNullable(origins.get(node));
  }
}
