package org.sovecon.serve.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The frame every page shares ({@code page.html}: header with the search box, footer), and error pages. */
final class Layout {
  private Layout() {}

  static final String TEMPLATE = resource("org/sovecon/serve/pages/page.html");
  static final String CSS = resource("org/sovecon/serve/pages/pages.css");
  /** Where the server serves docs/as-of.md, which says how uncertain and partial dates are read. */
  static final String AS_OF_DOC = "/docs/as-of.md";

  static String page(String title, String query, String body, String rdfPath) {
    // The path may carry a query already (?asOf=…), which the format links keep.
    String p = rdfPath == null ? null : rdfPath + (rdfPath.contains("?") ? "&" : "?");
    String formats = p == null ? "" : "Also as <a href=\"" + Html.esc(p) + "format=ttl\">Turtle</a>, <a href=\""
        + Html.esc(p) + "format=jsonld\">JSON-LD</a>, <a href=\"" + Html.esc(p) + "format=rdf\">RDF/XML</a>, <a href=\""
        + Html.esc(p) + "format=nt\">N-Triples</a>.";
    return Html.fill(TEMPLATE, Map.of("title", title, "query", query, "body", body, "formats", formats));
  }

  static void send(HttpServletResponse resp, String title, String query, String body, String rdfPath) throws IOException {
    write(resp, 200, page(title, query, body, rdfPath));
  }

  static void error(HttpServletResponse resp, int status, String message) throws IOException {
    write(resp, status, page(status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error", "", "<h1>" + status + "</h1><p>" + Html.esc(message) + "</p>", null));
  }

  static void write(HttpServletResponse resp, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/html;charset=utf-8");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  static String resource(String name) {
    try (InputStream in = Layout.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing class-path resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
