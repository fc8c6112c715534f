package org.sovecon.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query a request runs is the one the guard parsed, parsed once: the guard's parser here is a test
 * double that counts its calls and marks what it parses (a LIMIT 1 the text does not have), so an answer
 * with one row can only come from the guard's parse, not from a second parse of the text.
 */
class GuardedQueryServiceIT {
  static final AtomicInteger parses = new AtomicInteger();
  static FusekiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    JenaSystem.init(); // before the SERVICE policy reads ARQ's registries
    ServicePolicy services = new ServicePolicy(List.of(), Duration.ofSeconds(5));
    QueryGuard guard = new QueryGuard(256 << 10, services, text -> {
      parses.incrementAndGet();
      Query q = QueryFactory.create(text, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
      if (q.isSelectType()) q.setLimit(1);
      return q;
    });
    server = FusekiServer.create().port(0).loopback(true)
        .registerOperation(Operation.Query, new GuardedQueryService(guard, services, Duration.ofSeconds(10)))
        .add("/ds", DatasetFactory.createTxnMem(), false)
        .build();
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static HttpResponse<String> query(String q) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + "/ds/sparql"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theGuardsParseIsTheQueryThatRunsAndTheOnlyParse() throws Exception {
    for (String q : List.of("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }",
        // Over the bound of brackets and operators: checked on the large stack, still parsed once.
        "SELECT ?x WHERE { VALUES ?x { 1 2 3 } FILTER(" + "?x = 0 || ".repeat(QueryGuard.SHALLOW_TEXT) + "?x > 0) }")) {
      int before = parses.get();
      HttpResponse<String> r = query(q);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(List.of("x", "1"), r.body().strip().lines().map(String::strip).toList(), "the guard's LIMIT 1 applied");
      assertEquals(before + 1, parses.get(), "one parse per request");
    }
  }

  @Test
  void aRepeatedTextRunsACopyOfItsFirstParseWithoutParsingAgain() throws Exception {
    String q = "SELECT ?x WHERE { VALUES ?x { 4 5 6 } } ORDER BY DESC(?x) # repeated";
    int before = parses.get();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = query(q);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(List.of("x", "6"), r.body().strip().lines().map(String::strip).toList(), "the first parse (its LIMIT 1) runs each time");
    }
    assertEquals(before + 1, parses.get(), "parsed the first time only");
    HttpResponse<String> bad = null;
    for (int i = 0; i < 2; i++) bad = query("SELECT ?x WHERE { ?x ?p } # repeated error");
    assertEquals(400, bad.statusCode(), "a repeated syntax error is refused as the first time: " + bad.body());
    assertTrue(bad.body().contains("Parse error"), bad.body());
  }

  @Test
  void aSyntaxErrorIsA400WithTheParsersMessage() throws Exception {
    HttpResponse<String> r = query("SELECT ?x WHERE { ?x ?p }");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("Parse error") && r.body().contains("line 1"), r.body());
  }

  @Test
  void aRefusalIsA400BeforeTheQueryRuns() throws Exception {
    HttpResponse<String> r = query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("refused"), r.body());
  }
}
