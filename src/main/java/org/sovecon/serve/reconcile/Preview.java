package org.sovecon.serve.reconcile;

import java.util.List;
import java.util.stream.Collectors;
import org.sovecon.serve.reconcile.ReconIndex.Entity;
import org.sovecon.serve.reconcile.ReconIndex.Fact;
import org.sovecon.text.Romanisation;
import org.sovecon.vocab.Namespaces;

/**
 * The small HTML card OpenRefine shows in an iframe when a historian hovers over a candidate: names,
 * classes, description, Wikidata item and the first cited statements. Every piece of text from the
 * data is escaped: labels and descriptions are written by people and may contain {@code <} or {@code &}.
 */
final class Preview {
  private Preview() {}

  static final int FACTS = 6;

  static String html(Entity e, List<String> typeOrder) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(esc(e.label())).append("</title></head>\n<body style=\"font-family:sans-serif;font-size:13px;margin:6px\">\n");
    b.append("<h3 style=\"margin:0\"><a target=\"_blank\" href=\"").append(esc(Namespaces.ID + e.id())).append("\">")
        .append(esc(e.label())).append("</a></h3>\n");
    String ru = e.names().stream().map(ReconIndex.Name::text).filter(Romanisation::hasCyrillic).findFirst().orElse(null);
    if (ru != null) b.append("<div lang=\"ru\">").append(esc(ru)).append("</div>\n");
    b.append("<div style=\"color:#555\">").append(esc(e.types().stream()
        .filter(t -> typeOrder.contains(t.id())).map(ReconIndex.Type::name).collect(Collectors.joining(", ")))).append("</div>\n");
    if (e.description() != null) b.append("<p>").append(esc(e.description())).append("</p>\n");
    if (e.qid() != null)
      b.append("<div>Wikidata: <a target=\"_blank\" href=\"").append(esc(Namespaces.WD + e.qid())).append("\">")
          .append(esc(e.qid())).append("</a></div>\n");
    List<Fact> shown = e.facts().stream().filter(f -> f.valueId() != null || f.years().size() > 0).limit(FACTS).toList();
    if (!shown.isEmpty()) {
      b.append("<ul style=\"padding-left:16px\">\n");
      for (Fact f : shown) {
        b.append("<li>").append(esc(f.propertyLabel())).append(": ").append(esc(f.value()));
        String when = f.date() != null ? f.date() : f.start() != null || f.end() != null
            ? (f.start() == null ? "" : f.start()) + "–" + (f.end() == null ? "" : f.end()) : null;
        if (when != null) b.append(" (").append(esc(when)).append(")");
        b.append(" <span style=\"color:#777\">[").append(esc(f.source() + " " + f.lines())).append("]</span></li>\n");
      }
      b.append("</ul>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
