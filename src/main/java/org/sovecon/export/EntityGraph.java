package org.sovecon.export;

import java.util.List;
import org.apache.jena.query.Dataset;
import org.sovecon.report.Queries;
import org.sovecon.vocab.Namespaces;

/**
 * The graph as a network for Gephi or Cytoscape: entities as nodes, the facts that link two entities
 * as directed edges. One extraction, written as GEXF or GraphML by {@link NetworkExport}.
 */
public record EntityGraph(List<Node> nodes, List<Edge> edges) {

  public record Node(String id, String label, String kind, String iri) {}

  public record Edge(String source, String target, String property, int weight) {}

  public static EntityGraph of(Dataset ds) {
    List<Node> nodes = Queries.selectAll(ds, Queries.load("graph-nodes")).stream()
        .map(s -> new Node(id(s.getResource("e").getURI()), s.getLiteral("label").getLexicalForm(),
            s.contains("kind") ? s.getLiteral("kind").getString() : "", s.getResource("e").getURI()))
        .toList();
    List<Edge> edges = Queries.selectAll(ds, Queries.load("graph-edges")).stream()
        .map(s -> new Edge(id(s.getResource("s").getURI()), id(s.getResource("o").getURI()),
            s.getResource("p").getURI().substring(Namespaces.SOV.length()), s.getLiteral("weight").getInt()))
        .toList();
    return new EntityGraph(nodes, edges);
  }

  private static String id(String iri) {
    return iri.startsWith(Namespaces.ID) ? iri.substring(Namespaces.ID.length()) : iri;
  }
}
