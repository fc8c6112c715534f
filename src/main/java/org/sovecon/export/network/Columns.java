package org.sovecon.export.network;

import java.util.List;
import java.util.function.Function;
import org.sovecon.export.network.Network.Edge;
import org.sovecon.export.network.Network.Node;

/**
 * The attributes every network format carries, defined once: each format writes these columns in its
 * own way (GEXF attributes, GraphML keys, CSV headers, Cytoscape.js data fields).
 */
final class Columns {
  private Columns() {}

  /** A named attribute and how to read it from a node or an edge; empty text means "not known". */
  record Column<T>(String name, Function<T, String> value) {}

  static final List<Column<Node>> NODE = List.of(
      new Column<>("label", Node::labelEn),
      new Column<>("label_ru", Node::labelRu),
      new Column<>("kind", Node::kind),
      new Column<>("wikidata", Node::wikidata),
      new Column<>("iri", Node::iri),
      new Column<>("start", n -> n.interval().map(i -> i.start().toString()).orElse("")),
      new Column<>("end", n -> n.interval().map(i -> i.end().toString()).orElse("")));

  static final List<Column<Edge>> EDGE = List.of(
      new Column<>("edge_kind", e -> e.kind().label()),
      new Column<>("property", Edge::property),
      new Column<>("document", Edge::document),
      new Column<>("lines", Edge::lines),
      new Column<>("claimant", Edge::claimant),
      new Column<>("rank", Edge::rank),
      new Column<>("role", Edge::role),
      new Column<>("statement", Edge::statement),
      new Column<>("start", e -> e.interval().map(i -> i.start().toString()).orElse("")),
      new Column<>("end", e -> e.interval().map(i -> i.end().toString()).orElse("")),
      new Column<>("dated_by", Edge::datedBy));

  /** Columns that GEXF carries as the element's own attributes (label, and the interval), not as attvalues. */
  static boolean gexfNative(String name) {
    return name.equals("label") || name.equals("start") || name.equals("end");
  }
}
