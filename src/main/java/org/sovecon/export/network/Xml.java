package org.sovecon.export.network;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Small helpers over StAX for the XML network formats. */
final class Xml {
  private Xml() {}

  static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }
}
