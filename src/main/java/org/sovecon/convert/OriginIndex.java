package org.sovecon.convert;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.sovecon.table.Row;

/**
 * Which row each minted node came from. SHACL reports a focus node; this turns it back into the
 * file and line a curator can open.
 */
public final class OriginIndex {
  private final Map<Node, Row> origins = new HashMap<>();

  public void record(Node node, Row row) {
    origins.putIfAbsent(node, row);
  }

  public Optional<Row> origin(Node node) {
    return Optional.ofNullable(origins.get(node));
  }
}
