package org.sovecon.export.network;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sovecon.export.network.Network.Interval;
import org.sovecon.report.Release;

/**
 * GEXF 1.3, dynamic: every dated node and edge has a closed interval ({@code start} and {@code end},
 * days) within the period 1917-1932, so Gephi's timeline plays the period; an undated one is present
 * throughout. Intervals are clipped to the period (a life from 1873 shows from 1917), and an element
 * dated wholly outside it (a history written in 1977) is written undated; every element keeps its
 * true dates as the {@code dates} attribute. Edges have unique
 * ids and a {@code kind} naming what they say, numbered when two edges of one kind join the same two
 * nodes ({@link Network#distinctKinds}), so Gephi merges no parallel edge.
 */
final class GexfWriter implements NetworkFormat.Writer {
  static final String NS = "http://gexf.net/1.3";

  @Override
  public List<Path> write(Network n, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("gexf");
      w.writeDefaultNamespace(NS);
      w.writeAttribute("version", "1.3");
      w.writeStartElement("meta");
      w.writeAttribute("lastmodifieddate", LocalDate.now().toString());
      Xml.element(w, "creator", "sovecon " + Release.version());
      Xml.element(w, "description", "sovecon network '" + n.name() + "': entities of the early Soviet economy (1917-1932) "
          + "and the cited statements linking them. Data licence: CC BY 4.0.");
      w.writeEndElement();
      w.writeStartElement("graph");
      w.writeAttribute("defaultedgetype", n.directed() ? "directed" : "undirected");
      w.writeAttribute("mode", "dynamic");
      w.writeAttribute("timeformat", "date");
      w.writeAttribute("start", Network.PERIOD_START.toString());
      w.writeAttribute("end", Network.PERIOD_END.toString());
      declare(w, "node", Columns.NODE);
      declare(w, "edge", Columns.EDGE);
      w.writeStartElement("nodes");
      for (Network.Node node : n.nodes()) {
        w.writeStartElement("node");
        w.writeAttribute("id", node.id());
        w.writeAttribute("label", node.labelEn());
        interval(w, clip(node.interval()));
        values(w, node, Columns.NODE, node.interval());
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeStartElement("edges");
      var kinds = n.distinctKinds();
      for (Network.Edge e : n.edges()) {
        w.writeStartElement("edge");
        w.writeAttribute("id", e.id());
        w.writeAttribute("source", e.source());
        w.writeAttribute("target", e.target());
        w.writeAttribute("label", e.property());
        w.writeAttribute("kind", kinds.get(e.id()));
        interval(w, clip(e.interval()));
        values(w, e, Columns.EDGE, e.interval());
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return List.of(file);
  }

  /** The part of {@code i} within the period; none when it lies wholly outside. */
  static Optional<Interval> clip(Optional<Interval> i) {
    return i.filter(x -> x.overlaps(Network.PERIOD_START, Network.PERIOD_END))
        .map(x -> new Interval(Network.max(x.start(), Network.PERIOD_START), Network.min(x.end(), Network.PERIOD_END)));
  }

  private static <T> void declare(XMLStreamWriter w, String forClass, List<Columns.Column<T>> columns) throws XMLStreamException {
    w.writeStartElement("attributes");
    w.writeAttribute("class", forClass);
    w.writeAttribute("mode", "static");
    for (var c : columns) {
      if (Columns.gexfNative(c.name())) continue;
      w.writeEmptyElement("attribute");
      w.writeAttribute("id", c.name());
      w.writeAttribute("title", c.name());
      w.writeAttribute("type", "string");
    }
    w.writeEmptyElement("attribute");
    w.writeAttribute("id", "dates");
    w.writeAttribute("title", "dates");
    w.writeAttribute("type", "string");
    w.writeEndElement();
  }

  private static <T> void values(XMLStreamWriter w, T item, List<Columns.Column<T>> columns, Optional<Interval> dates)
      throws XMLStreamException {
    w.writeStartElement("attvalues");
    for (var c : columns) {
      if (Columns.gexfNative(c.name())) continue;
      String v = c.value().apply(item);
      if (v.isEmpty()) continue;
      w.writeEmptyElement("attvalue");
      w.writeAttribute("for", c.name());
      w.writeAttribute("value", v);
    }
    if (dates.isPresent()) {
      w.writeEmptyElement("attvalue");
      w.writeAttribute("for", "dates");
      w.writeAttribute("value", dates.get().start() + "/" + dates.get().end());
    }
    w.writeEndElement();
  }

  private static void interval(XMLStreamWriter w, Optional<Interval> i) throws XMLStreamException {
    if (i.isEmpty()) return;
    w.writeAttribute("start", i.get().start().toString());
    w.writeAttribute("end", i.get().end().toString());
  }
}
