package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.serve.SoveconServer;
import org.sovecon.store.StoreReader;
import org.sovecon.vocab.Namespaces;

/**
 * Builds the store from the repository's data/, starts Fuseki on a free loopback port and asks real
 * questions over HTTP, asserting the answers.
 */
class EndToEndIT {
  @TempDir static Path tmp;
  static FusekiServer server;
  static Dataset dataset;
  static String endpoint;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void buildAndServe() throws Exception {
    dataset = TestProjects.builtStore(tmp);
    server = SoveconServer.create(dataset, "127.0.0.1", 0);
    server.start();
    endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/sovecon/sparql";
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
    if (dataset != null) StoreReader.close(dataset);
  }

  static List<QuerySolution> select(String query) {
    List<QuerySolution> rows = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.service(endpoint).query(Namespaces.sparqlPrologue() + query).build()) {
      qe.execSelect().forEachRemaining(rows::add);
    }
    return rows;
  }

  static boolean ask(String where) {
    try (QueryExecution qe = QueryExecution.service(endpoint).query(Namespaces.sparqlPrologue() + "ASK { " + where + " }").build()) {
      return qe.execAsk();
    }
  }

  static Set<String> ids(List<QuerySolution> rows, String var) {
    return rows.stream().map(s -> s.getResource(var).getURI().replace(Namespaces.ID, "")).collect(Collectors.toSet());
  }

  /** Every SPARQL example in README.md runs as pasted (its own PREFIX lines, nothing added) and answers. */
  @Test
  void readmeExamplesRunAsPasted() throws Exception {
    String readme = java.nio.file.Files.readString(TestProjects.repoRoot().resolve("README.md"));
    var m = java.util.regex.Pattern.compile("```sparql\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(readme);
    int n = 0;
    while (m.find()) {
      n++;
      List<QuerySolution> rows = new ArrayList<>();
      try (QueryExecution qe = QueryExecution.service(endpoint).query(m.group(1)).build()) {
        qe.execSelect().forEachRemaining(rows::add);
      }
      assertFalse(rows.isEmpty(), "README example " + n + " answers:\n" + m.group(1));
    }
    assertTrue(n >= 4, "README examples found: " + n);
  }

  @Test
  void osvokIsPartOfTheVsnkh() {
    assertTrue(ask("sv:osvok sov:partOf sv:vsnkh"));
  }

  @Test
  void gosplanSucceededGoselro() {
    assertTrue(ids(select("SELECT ?x WHERE { sv:gosplan sov:succeeded ?x }"), "x").contains("goselro"));
  }

  @Test
  void inferenceCountsOsvokAmongTheVsnkhsParts() {
    // hasPart and dcterms:isPartOf are never asserted: only the inverse and super-property axioms give them.
    assertTrue(ids(select("SELECT ?x WHERE { sv:vsnkh sov:hasPart ?x }"), "x").contains("osvok"));
    assertTrue(ids(select("SELECT ?x WHERE { ?x dcterms:isPartOf sv:vsnkh }"), "x").contains("osvok"));
    assertFalse(ask("GRAPH <https://w3id.org/sovecon/graph/asserted> { sv:vsnkh sov:hasPart sv:osvok }"));
    assertTrue(ask("GRAPH <https://w3id.org/sovecon/graph/inferred> { sv:vsnkh sov:hasPart sv:osvok }"));
    assertTrue(ask("sv:osvok a <http://www.w3.org/ns/org#Organization>"), "class hierarchy");
  }

  @Test
  void whichSourceSaysPyatakovChairedOsvokAndAtWhichLines() {
    List<QuerySolution> rows = select("""
        SELECT ?source ?lines WHERE {
          sv:pyatakov p:heldPost ?st . ?st ps:heldPost sv:osvok-chairman ; prov:wasDerivedFrom ?c .
          ?c sov:citedSource/dcterms:identifier ?source ; sov:lines ?lines .
        }""");
    assertEquals(1, rows.size());
    assertEquals("bettelheim", rows.get(0).getLiteral("source").getString());
    assertEquals("2568", rows.get(0).getLiteral("lines").getString());
  }

  @Test
  void osvokWasCreatedByTheVsnkhPresidiumInMarch1925() {
    List<QuerySolution> rows = select("""
        SELECT ?by ?date WHERE { sv:osvok p:createdBy ?st . ?st ps:createdBy ?by ; pq:date ?date }""");
    assertEquals("vsnkh-presidium", ids(rows, "by").iterator().next());
    assertEquals("1925-03", rows.get(0).getLiteral("date").getLexicalForm());
  }

  @Test
  void countAnswersOverHttpWithCsv() throws Exception {
    String q = URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + q))
        .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    long n = Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().trim());
    assertTrue(n > 10_000, "the union of asserted, inferred and ontology graphs: " + n);
  }

  @Test
  void updatesAreRefused() throws Exception {
    String update = "update=" + URLEncoder.encode("INSERT DATA { <urn:a> <urn:b> <urn:c> }", StandardCharsets.UTF_8);
    for (String path : List.of("/sovecon/sparql", "/sovecon/update", "/sovecon")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + path))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(update)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(r.statusCode() >= 400, path + " accepted an update: " + r.statusCode());
    }
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + "/sovecon/get?default"))
        .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, put.statusCode());
    assertFalse(ask("<urn:a> <urn:b> <urn:c>"));
  }

  @Test
  void listensOnLoopbackOnly() {
    var connector = (ServerConnector) server.getJettyServer().getConnectors()[0];
    assertEquals("127.0.0.1", connector.getHost());
  }

  @Test
  void jettyReadsAndWritesThroughHeapBuffers() {
    // Direct buffers Jetty drops wait for a full collection before their native memory goes back
    // (docs/benchmarks.md: about 60 MB at x10 after eight rounds of the catalogue).
    var connector = (ServerConnector) server.getJettyServer().getConnectors()[0];
    var http = connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class);
    assertFalse(http.getHttpConfiguration().isUseInputDirectByteBuffers(), "input buffers on the heap");
    assertFalse(http.getHttpConfiguration().isUseOutputDirectByteBuffers(), "output buffers on the heap");
  }

  @Test
  void graphStoreAndUiAreServed() throws Exception {
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort()
        + "/sovecon/get?graph=" + URLEncoder.encode(Namespaces.GRAPH + "ontology", StandardCharsets.UTF_8)))
        .header("Accept", "text/turtle").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, get.statusCode());
    assertTrue(get.body().contains("Osvok") || get.body().contains("owl:Ontology") || get.body().contains("Ontology"));
    HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ui.statusCode());
    assertTrue(ui.body().contains("<html") || ui.body().contains("<!DOCTYPE"), "the Fuseki UI page");
  }
}
