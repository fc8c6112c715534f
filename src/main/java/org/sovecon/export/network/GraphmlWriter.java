package org.sovecon.export.network;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML (Cytoscape, yEd, NetworkX, igraph): the same columns as keys, one edge element per edge
 * with its id, so readers that keep multi-edges keep them all. Dates are the interval's days as text.
 */
final class GraphmlWriter implements NetworkFormat.Writer {
  static final String NS = "http://graphml.graphdrawing.org/xmlns";

  @Override
  public List<Path> write(Network n, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("graphml");
      w.writeDefaultNamespace(NS);
      keys(w, "node", "n_", Columns.NODE);
      keys(w, "edge", "e_", Columns.EDGE);
      w.writeStartElement("graph");
      w.writeAttribute("id", n.name());
      w.writeAttribute("edgedefault", n.directed() ? "directed" : "undirected");
      for (Network.Node node : n.nodes()) {
        w.writeStartElement("node");
        w.writeAttribute("id", node.id());
        data(w, node, "n_", Columns.NODE);
        w.writeEndElement();
      }
      for (Network.Edge e : n.edges()) {
        w.writeStartElement("edge");
        w.writeAttribute("id", e.id());
        w.writeAttribute("source", e.source());
        w.writeAttribute("target", e.target());
        data(w, e, "e_", Columns.EDGE);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return List.of(file);
  }

  /** Key ids are prefixed per class: nodes and edges both have a "start", and GraphML key ids are global. */
  private static <T> void keys(XMLStreamWriter w, String forClass, String prefix, List<Columns.Column<T>> columns)
      throws XMLStreamException {
    for (var c : columns) {
      w.writeEmptyElement("key");
      w.writeAttribute("id", prefix + c.name());
      w.writeAttribute("for", forClass);
      w.writeAttribute("attr.name", c.name());
      w.writeAttribute("attr.type", "string");
    }
  }

  private static <T> void data(XMLStreamWriter w, T item, String prefix, List<Columns.Column<T>> columns) throws XMLStreamException {
    for (var c : columns) {
      String v = c.value().apply(item);
      if (v.isEmpty()) continue;
      w.writeStartElement("data");
      w.writeAttribute("key", prefix + c.name());
      w.writeCharacters(v);
      w.writeEndElement();
    }
  }
}
