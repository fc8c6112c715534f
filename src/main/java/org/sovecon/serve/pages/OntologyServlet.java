package org.sovecon.serve.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.sovecon.docs.OntologyDoc;
import org.sovecon.vocab.Namespaces;

/**
 * The ontology's IRI: its HTML reference to a browser (each term an anchor, so {@code ontology#Organisation}
 * lands on the term), the ontology graph as Turtle (or another RDF format) to Protégé and other clients.
 */
final class OntologyServlet extends HttpServlet {
  private final Dataset ds;
  private volatile Model ontology;
  private volatile String html;
  private volatile String diagram;

  // Copied and drawn at the first request, not at the start: the server should answer its first
  // query within two seconds of being started (docs/benchmarks.md).
  OntologyServlet(Dataset ds) {
    this.ds = ds;
  }

  private Model ontology() {
    Model m = ontology;
    if (m == null) {
      ds.begin(ReadWrite.READ);
      try {
        m = ModelFactory.createDefaultModel().add(ds.getNamedModel(Namespaces.GRAPH + "ontology"));
      } finally {
        ds.end();
      }
      m.setNsPrefixes(Namespaces.prefixes());
      ontology = m;
    }
    return m;
  }

  /** The core-classes diagram the reference page shows (it links to it as {@code core-classes.svg}, beside itself). */
  String diagram() {
    if (diagram == null) diagram = OntologyDoc.diagram(ontology().getGraph());
    return diagram;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("Vary", "Accept");
    Lang lang = PageServlet.chooseLang(req);
    if (lang == null) {
      Layout.error(resp, HttpServletResponse.SC_BAD_REQUEST, "unknown format: use one of ttl, jsonld, rdf, nt, html");
    } else if (lang == Lang.RDFNULL) {
      if (html == null) html = OntologyDoc.html(ontology().getGraph());
      Layout.write(resp, 200, html);
    } else {
      PageServlet.sendRdf(resp, ontology(), lang);
    }
  }
}
