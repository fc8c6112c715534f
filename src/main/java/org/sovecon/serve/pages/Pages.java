package org.sovecon.serve.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;

/**
 * Registers the browsable side of the server on a Fuseki builder: a page (or RDF) at every IRI under
 * the base IRI ({@code /id/…}, {@code /source/…}, {@code /citation/…}, {@code /statement/…},
 * {@code /observation/…}, {@code /dataset/…}), the ontology at {@code /ontology}, search at
 * {@code /search}, the query editor at {@code /editor/}, and docs/as-of.md (how dates are read) at
 * {@code /docs/as-of.md}.
 *
 * <pre>
 *   Pages.register(FusekiServer.create(), dataset, "https://w3id.org/sovecon/");
 * </pre>
 */
public final class Pages {
  private Pages() {}

  /** The namespaces under the base IRI whose IRIs resolve to pages. */
  public static final List<String> PATHS = List.of("id", "source", "citation", "statement", "observation", "dataset", "prop", "graph");

  public static FusekiServer.Builder register(FusekiServer.Builder b, Dataset ds, String baseIri) {
    Links links = new Links(baseIri);
    PageServlet pages = new PageServlet(ds, links);
    for (String p : PATHS) b.addServlet("/" + p + "/*", pages);
    OntologyServlet ontology = new OntologyServlet(ds);
    b.addServlet("/ontology", ontology);
    b.addServlet("/core-classes.svg", new Static(ontology::diagram, "image/svg+xml;charset=utf-8"));
    b.addServlet("/search", new SearchServlet(ds, links));
    b.addServlet("/pages/pages.css", new Static(() -> Layout.CSS, "text/css;charset=utf-8"));
    b.addServlet(Layout.AS_OF_DOC, new Static(() -> Layout.resource("org/sovecon/serve/pages/docs/as-of.md"), "text/plain;charset=utf-8"));
    Editor.register(b);
    return b;
  }

  /** A fixed text resource, made at its first request. */
  static final class Static extends HttpServlet {
    private final java.util.function.Supplier<String> source;
    private final String type;
    private volatile byte[] body;

    Static(java.util.function.Supplier<String> source, String type) {
      this.source = source;
      this.type = type;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      byte[] body = this.body;
      if (body == null) this.body = body = PageServlet.utf8(source.get());
      resp.setContentType(type);
      resp.setHeader("Cache-Control", "max-age=3600");
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
    }
  }
}
