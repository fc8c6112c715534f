package org.sovecon.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jena.query.Dataset;

/**
 * Writes the {@link EntityGraph} for network tools: GEXF 1.3 (Gephi) or GraphML (Cytoscape, yEd,
 * NetworkX). Nodes carry label, kind and IRI; edges the property and a weight, the number of cited
 * statements behind the edge.
 */
public enum NetworkExport {
  GEXF("gexf"),
  GRAPHML("graphml");

  private final String extension;

  NetworkExport(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  public static Optional<NetworkExport> forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (NetworkExport f : values()) if (name.endsWith("." + f.extension)) return Optional.of(f);
    return Optional.empty();
  }

  /** @return the number of nodes and edges written */
  public int[] write(Dataset ds, Path file) throws IOException {
    EntityGraph g = EntityGraph.of(ds);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      if (this == GEXF) gexf(w, g);
      else graphml(w, g);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return new int[] {g.nodes().size(), g.edges().size()};
  }

  private static void gexf(XMLStreamWriter w, EntityGraph g) throws XMLStreamException {
    w.writeStartElement("gexf");
    w.writeDefaultNamespace("http://gexf.net/1.3");
    w.writeAttribute("version", "1.3");
    w.writeStartElement("meta");
    w.writeAttribute("lastmodifieddate", LocalDate.now().toString());
    element(w, "creator", "sovecon");
    element(w, "description", "Entities of the early Soviet economy (1917-1932) and the cited facts linking them");
    w.writeEndElement();
    w.writeStartElement("graph");
    w.writeAttribute("defaultedgetype", "directed");
    w.writeStartElement("attributes");
    w.writeAttribute("class", "node");
    attribute(w, "kind", "string");
    attribute(w, "iri", "string");
    w.writeEndElement();
    w.writeStartElement("attributes");
    w.writeAttribute("class", "edge");
    attribute(w, "property", "string");
    w.writeEndElement();
    w.writeStartElement("nodes");
    for (EntityGraph.Node n : g.nodes()) {
      w.writeStartElement("node");
      w.writeAttribute("id", n.id());
      w.writeAttribute("label", n.label());
      w.writeStartElement("attvalues");
      attvalue(w, "kind", n.kind());
      attvalue(w, "iri", n.iri());
      w.writeEndElement();
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeStartElement("edges");
    int i = 0;
    for (EntityGraph.Edge e : g.edges()) {
      w.writeStartElement("edge");
      w.writeAttribute("id", Integer.toString(i++));
      w.writeAttribute("source", e.source());
      w.writeAttribute("target", e.target());
      w.writeAttribute("label", e.property());
      w.writeAttribute("weight", Integer.toString(e.weight()));
      w.writeStartElement("attvalues");
      attvalue(w, "property", e.property());
      w.writeEndElement();
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void graphml(XMLStreamWriter w, EntityGraph g) throws XMLStreamException {
    w.writeStartElement("graphml");
    w.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
    key(w, "label", "node", "label", "string");
    key(w, "kind", "node", "kind", "string");
    key(w, "iri", "node", "iri", "string");
    key(w, "property", "edge", "property", "string");
    key(w, "weight", "edge", "weight", "int");
    w.writeStartElement("graph");
    w.writeAttribute("id", "sovecon");
    w.writeAttribute("edgedefault", "directed");
    for (EntityGraph.Node n : g.nodes()) {
      w.writeStartElement("node");
      w.writeAttribute("id", n.id());
      data(w, "label", n.label());
      data(w, "kind", n.kind());
      data(w, "iri", n.iri());
      w.writeEndElement();
    }
    int i = 0;
    for (EntityGraph.Edge e : g.edges()) {
      w.writeStartElement("edge");
      w.writeAttribute("id", "e" + i++);
      w.writeAttribute("source", e.source());
      w.writeAttribute("target", e.target());
      data(w, "property", e.property());
      data(w, "weight", Integer.toString(e.weight()));
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private static void attribute(XMLStreamWriter w, String id, String type) throws XMLStreamException {
    w.writeEmptyElement("attribute");
    w.writeAttribute("id", id);
    w.writeAttribute("title", id);
    w.writeAttribute("type", type);
  }

  private static void attvalue(XMLStreamWriter w, String key, String value) throws XMLStreamException {
    w.writeEmptyElement("attvalue");
    w.writeAttribute("for", key);
    w.writeAttribute("value", value);
  }

  private static void key(XMLStreamWriter w, String id, String forWhat, String name, String type) throws XMLStreamException {
    w.writeEmptyElement("key");
    w.writeAttribute("id", id);
    w.writeAttribute("for", forWhat);
    w.writeAttribute("attr.name", name);
    w.writeAttribute("attr.type", type);
  }

  private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
    w.writeStartElement("data");
    w.writeAttribute("key", key);
    w.writeCharacters(value);
    w.writeEndElement();
  }
}
