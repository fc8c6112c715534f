package org.sovecon.export.network;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.sovecon.report.Release;

/**
 * Cytoscape.js JSON ({@code .cyjs}, which Cytoscape desktop imports too): {@code elements.nodes} and
 * {@code elements.edges}, each with a {@code data} object holding id, name and the shared columns; edges
 * also source, target and {@code interaction} (the property). {@code directed}, {@code multigraph}, each
 * node's {@code value} and each edge's {@code key} follow NetworkX's reading of the format: without an
 * edge key, NetworkX would merge parallel edges.
 */
final class CytoscapeWriter implements NetworkFormat.Writer {
  @Override
  public List<Path> write(Network n, Path file) throws IOException {
    JsonObject root = new JsonObject();
    root.put("format_version", "1.0");
    root.put("generated_by", "sovecon " + Release.version());
    root.put("target_cytoscapejs_version", "~3.0");
    JsonObject graphData = new JsonObject();
    graphData.put("name", n.name());
    root.put("data", graphData);
    root.put("directed", n.directed());
    root.put("multigraph", true);
    Set<String> ids = new HashSet<>();
    JsonArray nodes = new JsonArray();
    for (Network.Node node : n.nodes()) {
      JsonObject d = new JsonObject();
      d.put("id", unique(ids, node.id()));
      d.put("value", node.id());
      d.put("name", node.labelEn());
      Columns.NODE.forEach(c -> d.put(c.name(), c.value().apply(node)));
      nodes.add(wrap(d));
    }
    JsonArray edges = new JsonArray();
    for (Network.Edge e : n.edges()) {
      JsonObject d = new JsonObject();
      d.put("id", unique(ids, e.id()));
      d.put("key", e.id());
      d.put("source", e.source());
      d.put("target", e.target());
      d.put("interaction", e.property());
      Columns.EDGE.forEach(c -> d.put(c.name(), c.value().apply(e)));
      edges.add(wrap(d));
    }
    JsonObject elements = new JsonObject();
    elements.put("nodes", nodes);
    elements.put("edges", edges);
    root.put("elements", elements);
    try (OutputStream out = Files.newOutputStream(file)) {
      JSON.write(out, root);
    }
    return List.of(file);
  }

  /** Cytoscape.js requires one id space for nodes and edges together. */
  private static String unique(Set<String> ids, String id) {
    if (!ids.add(id)) throw new IllegalStateException("id '" + id + "' is both a node's and an edge's: Cytoscape.js needs them distinct");
    return id;
  }

  private static JsonObject wrap(JsonObject data) {
    JsonObject o = new JsonObject();
    o.put("data", data);
    return o;
  }
}
