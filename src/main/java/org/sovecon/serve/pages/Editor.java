package org.sovecon.serve.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.sovecon.vocab.Namespaces;

/**
 * The query editor under {@code /editor/}: its page and script, YASGUI's files (fetched from npm at
 * build time), the query catalogue made at build time, and the project's prefixes as JSON.
 */
final class Editor extends HttpServlet {
  static final String BASE = "org/sovecon/serve/editor/";
  static final Map<String, String> FILES = Map.of(
      "", "text/html;charset=utf-8", "index.html", "text/html;charset=utf-8", "editor.js", "text/javascript;charset=utf-8",
      "yasgui.min.js", "text/javascript;charset=utf-8", "yasgui.min.css", "text/css;charset=utf-8",
      "catalogue.json", "application/json;charset=utf-8");

  static void register(FusekiServer.Builder b) {
    b.addServlet("/editor/*", new Editor());
    b.addServlet("/editor", new Redirect("/editor/"));
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    if (name.equals("prefixes.json")) {
      JsonObject o = new JsonObject();
      Namespaces.prefixes().getNsPrefixMap().forEach(o::put);
      byte[] body = PageServlet.utf8(o.toString());
      resp.setContentType("application/json;charset=utf-8");
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
      return;
    }
    String type = FILES.get(name);
    InputStream in = type == null ? null : Editor.class.getClassLoader().getResourceAsStream(BASE + (name.isEmpty() ? "index.html" : name));
    if (in == null) {
      Layout.error(resp, HttpServletResponse.SC_NOT_FOUND, "No such file in the editor: " + name);
      return;
    }
    try (in; OutputStream out = resp.getOutputStream()) {
      resp.setContentType(type);
      in.transferTo(out);
    }
  }

  /** {@code /editor} to {@code /editor/}, so the page's relative links resolve. */
  static final class Redirect extends HttpServlet {
    private final String to;

    Redirect(String to) {
      this.to = to;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.sendRedirect(to);
    }
  }
}
