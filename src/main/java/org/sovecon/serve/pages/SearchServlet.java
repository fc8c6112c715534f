package org.sovecon.serve.pages;

import static org.sovecon.serve.pages.Html.esc;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
import org.sovecon.serve.search.SearchQuery;

/** {@code /search?q=…}: the full-text index asked for what the reader typed, hits ranked, each linking to its page. */
final class SearchServlet extends HttpServlet {
  static final int LIMIT = 50;
  private final Dataset ds;
  private final Links links;

  SearchServlet(Dataset ds, Links links) {
    this.ds = ds;
    this.links = links;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String q = req.getParameter("q") == null ? "" : req.getParameter("q");
    StringBuilder b = new StringBuilder();
    if (q.isBlank()) {
      b.append("<h1>Search</h1><p>Type a name in any spelling: the texts' English forms, Russian in Cyrillic, or its "
          + "Library of Congress, BGN/PCGN or ISO 9 romanisation (Preobrazhenskii, Pyatakov, Piatakov, Пятаков). "
          + "Words match whole words, without regard to case or accents.</p>");
    } else {
      List<SearchQuery.Hit> hits;
      ds.begin(ReadWrite.READ);
      try {
        hits = SearchQuery.run(ds, q, LIMIT);
      } finally {
        ds.end();
      }
      b.append("<h1>Search: ").append(esc(q)).append("</h1>\n<p class=\"count\">").append(hits.size())
          .append(hits.size() == LIMIT ? "+" : "").append(" found</p>\n<ol class=\"hits\">\n");
      for (SearchQuery.Hit h : hits)
        b.append("<li><a href=\"").append(esc(links.href(h.iri()))).append("\">").append(esc(h.label().isEmpty() ? links.shortName(h.iri()) : h.label()))
            .append("</a> <span class=\"iri\">").append(esc(links.shortName(h.iri()))).append("</span><br>")
            .append(esc(h.description())).append("</li>\n");
      b.append("</ol>\n");
    }
    Layout.send(resp, q.isBlank() ? "Search" : "Search: " + q, q, b.toString(), null);
  }
}
