package org.sovecon.serve.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.sovecon.asof.Span;

/**
 * Answers at an entity's IRI (mapped to a path on this server by {@link Links}): an HTML page to a
 * browser, the resource's RDF (Turtle, JSON-LD, RDF/XML, N-Triples) to a client that asks for one in
 * its Accept header or with {@code ?format=ttl|jsonld|rdf|nt}. 404 for an IRI the graph does not know.
 * With {@code ?asOf=1927-12-01} (or 1927-12, 1927) the page, or the RDF, is the entity as the graph
 * stood on that date ({@link AsOfView}); an unreadable date is a 400.
 */
final class PageServlet extends HttpServlet {
  static final MediaType HTML = MediaType.create("text/html");
  static final AcceptList OFFER = AcceptList.create(HTML, MediaType.create("application/xhtml+xml"),
      MediaType.create(Lang.TURTLE.getHeaderString()), MediaType.create(Lang.JSONLD.getHeaderString()),
      MediaType.create(Lang.RDFXML.getHeaderString()), MediaType.create(Lang.NTRIPLES.getHeaderString()));
  static final Map<String, Lang> FORMATS = Map.of("ttl", Lang.TURTLE, "jsonld", Lang.JSONLD, "rdf", Lang.RDFXML,
      "nt", Lang.NTRIPLES, "html", Lang.RDFNULL);

  private final Dataset ds;
  private final Links links;

  PageServlet(Dataset ds, Links links) {
    this.ds = ds;
    this.links = links;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Vary", "Accept");
    Lang lang = chooseLang(req);
    if (lang == null) {
      Layout.error(resp, HttpServletResponse.SC_BAD_REQUEST, "unknown format '" + req.getParameter("format")
          + "': use one of ttl, jsonld, rdf, nt, html");
      return;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (req.getParameter("shown") != null || req.getParameter("day") != null) {
      resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
      resp.setHeader("Location", path + query(picked(req), req.getParameter("format")));
      return;
    }
    String date = blankToNull(req.getParameter("asOf"));
    Optional<Span> on = date == null ? Optional.empty() : Span.parse(date);
    if (date != null && on.isEmpty()) {
      Layout.error(resp, HttpServletResponse.SC_BAD_REQUEST, "'" + (date.length() > 80 ? date.substring(0, 80) + "…" : date)
          + "' is not a date. Give a year (1927), a month (1927-12) or a day (1927-12-01).");
      return;
    }
    String iri = links.iriOf(path);
    EntityView view;
    AsOfView dated = null;
    ds.begin(ReadWrite.READ);
    try {
      view = EntityView.read(ds, iri);
      if (on.isPresent() && !view.isEmpty()) dated = AsOfView.read(ds, view, date, on.get());
    } finally {
      ds.end();
    }
    if (view.isEmpty()) {
      Layout.error(resp, HttpServletResponse.SC_NOT_FOUND, "The graph says nothing of " + iri + ".");
      return;
    }
    if (lang == Lang.RDFNULL) {
      EntityPage page = new EntityPage(view, dated == null ? links : links.asOf(date), dated, links.path(iri));
      Layout.send(resp, page.title(), "", page.body(), path + query(date, null));
    } else {
      sendRdf(resp, dated == null ? view.description() : dated.filter(view.description()), lang);
    }
  }

  /**
   * The date the picker's form asks for. It sends the typed date ({@code asOf}), the calendar's day
   * ({@code day}) and the date the page showed ({@code shown}): a typed date the reader changed wins,
   * else the calendar's day, else the typed date; so the form works without JavaScript. Blank is none.
   */
  static String picked(HttpServletRequest req) {
    String typed = blankToNull(req.getParameter("asOf")), day = blankToNull(req.getParameter("day"));
    String shown = blankToNull(req.getParameter("shown"));
    if (typed != null && !typed.equals(shown)) return typed;
    return day != null ? day : typed;
  }

  private static String query(String date, String format) {
    StringBuilder q = new StringBuilder();
    if (date != null) q.append("?asOf=").append(URLEncoder.encode(date, StandardCharsets.UTF_8));
    if (format != null) q.append(q.isEmpty() ? "?" : "&").append("format=").append(URLEncoder.encode(format, StandardCharsets.UTF_8));
    return q.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The format asked for: {@code ?format=} wins over Accept; {@link Lang#RDFNULL} stands for HTML; null for an unknown format. */
  static Lang chooseLang(HttpServletRequest req) {
    String f = req.getParameter("format");
    if (f != null) return FORMATS.get(f);
    MediaType mt = ConNeg.chooseContentType(req, OFFER, HTML);
    if (mt.getContentTypeStr().equals("text/html") || mt.getContentTypeStr().equals("application/xhtml+xml")) return Lang.RDFNULL;
    return RDFLanguages.contentTypeToLang(mt.getContentTypeStr());
  }

  static void sendRdf(HttpServletResponse resp, Model m, Lang lang) throws IOException {
    resp.setStatus(200);
    resp.setContentType(lang.getHeaderString() + (lang == Lang.RDFXML || lang == Lang.TURTLE || lang == Lang.JSONLD ? ";charset=utf-8" : ""));
    resp.setCharacterEncoding("utf-8");
    try (OutputStream out = resp.getOutputStream()) {
      RDFDataMgr.write(out, m, lang);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
