package org.sovecon.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.sovecon.vocab.Namespaces;

/**
 * An SVG diagram of the core classes and the properties that link them. The layout is fixed (a
 * reader's map, not a generated graph drawing); a class or property missing from the ontology is
 * left out, so the picture never shows a term that does not exist.
 */
final class CoreDiagram {
  private CoreDiagram() {}

  private record Box(String name, int x, int y) {}

  private record Edge(String from, String property, String to) {}

  private static final int W = 150, H = 38;

  private static final List<Box> BOXES = List.of(
      new Box("Faction", 60, 70), new Box("Person", 330, 70), new Box("Post", 600, 70), new Box("Organisation", 870, 70),
      new Box("Currency", 1140, 70),
      new Box("Concept", 60, 260), new Box("Document", 330, 260), new Box("Policy", 600, 260), new Box("Plan", 870, 260),
      new Box("SocialGroup", 330, 450), new Box("Event", 600, 450), new Box("Place", 870, 450),
      new Box("Statement", 60, 630), new Box("Citation", 380, 630), new Box("Source", 700, 630));

  private static final List<Edge> EDGES = List.of(
      new Edge("Person", "heldPost", "Post"), new Edge("Post", "postIn", "Organisation"),
      new Edge("Organisation", "partOf", "Organisation"), new Edge("Person", "memberOf", "Faction"),
      new Edge("Document", "author", "Person"), new Edge("Policy", "adoptedAt", "Event"),
      new Edge("Event", "tookPlaceIn", "Place"), new Edge("Policy", "affected", "SocialGroup"),
      new Edge("Plan", "draftedBy", "Organisation"), new Edge("Currency", "issuedBy", "Organisation"),
      new Edge("Concept", "formulatedBy", "Person"), new Edge("Policy", "adoptedBy", "Organisation"),
      new Edge("Statement", "wasDerivedFrom", "Citation"), new Edge("Citation", "citedSource", "Source"),
      new Edge("Statement", "claimedBy", "Person"));

  public static String svg(Model m) {
    Map<String, Box> boxes = new LinkedHashMap<>();
    for (Box b : BOXES) if (m.containsResource(m.getResource(Namespaces.SOV + b.name()))) boxes.put(b.name(), b);
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1330\" height=\"700\" viewBox=\"0 0 1330 700\" font-family=\"sans-serif\" font-size=\"13\">\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n")
        .append("<rect width=\"1330\" height=\"700\" fill=\"white\"/>\n");
    for (Edge e : EDGES) {
      Box a = boxes.get(e.from()), b = boxes.get(e.to());
      boolean propertyExists = m.containsResource(m.getResource(Namespaces.SOV + e.property()))
          || e.property().equals("wasDerivedFrom");
      if (a == null || b == null || !propertyExists) continue;
      String label = e.property().equals("wasDerivedFrom") ? "prov:wasDerivedFrom" : "sov:" + e.property();
      if (a == b) {
        // A loop over the top of the box: a part of an organisation is an organisation.
        int x = a.x() + W / 2, y = a.y();
        s.append(String.format("<path d=\"M %d %d c -30 -55 90 -55 60 0\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>", x - 30, y));
        s.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#8b1a1a\">%s</text>%n", x, y - 45, label));
        continue;
      }
      double x1 = a.x() + W / 2.0, y1 = a.y() + H / 2.0, x2 = b.x() + W / 2.0, y2 = b.y() + H / 2.0;
      double[] p1 = border(x1, y1, x2, y2), p2 = border(x2, y2, x1, y1);
      s.append(String.format(java.util.Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>",
          p1[0], p1[1], p2[0], p2[1]));
      s.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#8b1a1a\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>%n",
          p1[0] + (p2[0] - p1[0]) * 0.45, p1[1] + (p2[1] - p1[1]) * 0.45 - 4, label));
    }
    for (Box b : boxes.values()) {
      s.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"#f6f1ea\" stroke=\"#8b1a1a\"/>", b.x(), b.y(), W, H));
      s.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">sov:%s</text>%n", b.x() + W / 2, b.y() + H / 2 + 5, b.name()));
    }
    return s.append("</svg>\n").toString();
  }

  /** Where the line from a box's centre towards a point leaves the box. */
  private static double[] border(double cx, double cy, double tx, double ty) {
    double dx = tx - cx, dy = ty - cy;
    double sx = dx == 0 ? Double.MAX_VALUE : (W / 2.0) / Math.abs(dx);
    double sy = dy == 0 ? Double.MAX_VALUE : (H / 2.0) / Math.abs(dy);
    double k = Math.min(sx, sy);
    return new double[] {cx + dx * k, cy + dy * k};
  }
}
