package org.sovecon.export.network;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Node and edge lists as two CSV files beside each other ({@code X.csv} gives {@code X-nodes.csv} and
 * {@code X-edges.csv}), with the headers Gephi's spreadsheet import recognises (Id, Label; Id, Source,
 * Target, Type, Kind) followed by the shared columns.
 */
final class CsvWriter implements NetworkFormat.Writer {
  @Override
  public List<Path> write(Network n, Path file) throws IOException {
    Path nodes = sibling(file, "-nodes.csv"), edges = sibling(file, "-edges.csv");
    List<String> nodeHeader = new ArrayList<>(List.of("Id", "Label"));
    Columns.NODE.stream().filter(c -> !c.name().equals("label")).forEach(c -> nodeHeader.add(c.name()));
    try (Writer out = Files.newBufferedWriter(nodes, StandardCharsets.UTF_8);
        CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(nodeHeader.toArray(String[]::new)).get().print(out)) {
      for (Network.Node node : n.nodes()) {
        List<String> row = new ArrayList<>(List.of(node.id(), node.labelEn()));
        Columns.NODE.stream().filter(c -> !c.name().equals("label")).forEach(c -> row.add(c.value().apply(node)));
        p.printRecord(row);
      }
    }
    List<String> edgeHeader = new ArrayList<>(List.of("Id", "Source", "Target", "Type", "Kind", "Label"));
    Columns.EDGE.forEach(c -> edgeHeader.add(c.name()));
    try (Writer out = Files.newBufferedWriter(edges, StandardCharsets.UTF_8);
        CSVPrinter p = CSVFormat.RFC4180.builder().setHeader(edgeHeader.toArray(String[]::new)).get().print(out)) {
      var kinds = n.distinctKinds();
      for (Network.Edge e : n.edges()) {
        List<String> row = new ArrayList<>(List.of(e.id(), e.source(), e.target(),
            e.directed() ? "Directed" : "Undirected", kinds.get(e.id()), e.property()));
        Columns.EDGE.forEach(c -> row.add(c.value().apply(e)));
        p.printRecord(row);
      }
    }
    return List.of(nodes, edges);
  }

  static Path sibling(Path file, String suffix) {
    String name = file.getFileName().toString();
    String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return file.resolveSibling(stem + suffix);
  }
}
