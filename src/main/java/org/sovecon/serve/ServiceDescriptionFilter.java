package org.sovecon.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.sovecon.report.DatasetDescription;

/**
 * The SPARQL 1.1 service description: a GET of a query endpoint without a query answers with an RDF
 * description of the service and of the dataset it serves (VoID figures, licence, version), in the
 * RDF syntax the Accept header asks for (Turtle by default). Any other request passes through.
 * The description is computed on first use and kept: the served build never changes.
 */
final class ServiceDescriptionFilter implements Filter {
  private final Set<String> endpoints;
  private final Dataset dataset;
  private DatasetDescription description;

  ServiceDescriptionFilter(Dataset dataset, Set<String> endpointPaths) {
    this.endpoints = Set.copyOf(endpointPaths);
    this.dataset = dataset;
  }

  private synchronized DatasetDescription description() {
    if (description == null) description = DatasetDescription.of(dataset);
    return description;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    if (req instanceof HttpServletRequest http && resp instanceof HttpServletResponse out && asksForDescription(http)) {
      var mediaType = ConNeg.chooseContentType(http, DEF.rdfOffer, DEF.acceptTurtle);
      Lang lang = RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
      if (lang == null) lang = Lang.TURTLE;
      String endpoint = http.getRequestURL().toString();
      out.setStatus(HttpServletResponse.SC_OK);
      out.setContentType(lang.getContentType().getContentTypeStr());
      out.setCharacterEncoding("UTF-8");
      if (!http.getMethod().equals("HEAD"))
        RDFDataMgr.write(out.getOutputStream(), description().serviceDescription(endpoint), lang);
      return;
    }
    chain.doFilter(req, resp);
  }

  private boolean asksForDescription(HttpServletRequest http) {
    return (http.getMethod().equals("GET") || http.getMethod().equals("HEAD"))
        && endpoints.contains(http.getRequestURI())
        && http.getParameter("query") == null && http.getParameter("update") == null;
  }
}
