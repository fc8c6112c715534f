package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovecon.SafetyServers.Reply;
import org.sovecon.serve.ServeOptions;

/**
 * SERVICE reaches only the endpoints on the allowlist, with a timeout, and a failing SERVICE gives an
 * error status, never a 200 with a broken body. The "remote" endpoints are a small HTTP server on
 * loopback that records every request it gets; nothing here leaves the machine.
 */
class FederationIT {
  static HttpServer remote;
  static final Set<String> contacted = ConcurrentHashMap.newKeySet();
  static String base;
  static FusekiServer server;
  static FusekiServer noFederation;
  static String endpoint;
  static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(2);

  static final String ONE_ROW = """
      {"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"from-remote"}}]}}""";

  @BeforeAll
  static void start() throws Exception {
    remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    remote.setExecutor(Executors.newCachedThreadPool());
    remote.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      contacted.add(path);
      ex.getRequestBody().readAllBytes();
      byte[] body;
      switch (path) {
        case "/notfound" -> {
          body = "Not Found".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(404, body.length);
        }
        case "/moved" -> {
          // A redirect from an allowed endpoint to one that is not: the client must not follow it.
          ex.getResponseHeaders().set("Location", "/elsewhere");
          ex.sendResponseHeaders(302, -1);
          ex.close();
          return;
        }
        case "/silent" -> {
          try { Thread.sleep(30_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
          ex.close();
          return;
        }
        default -> {
          body = ONE_ROW.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/sparql-results+json");
          ex.sendResponseHeaders(200, body.length);
        }
      }
      ex.getResponseBody().write(body);
      ex.close();
    });
    remote.start();
    base = "http://127.0.0.1:" + remote.getAddress().getPort();
    ServeOptions o = ServeOptions.defaults().withTimeout(Duration.ofSeconds(20)).withServiceTimeout(SERVICE_TIMEOUT)
        .withServiceAllow(List.of(base + "/allowed", base + "/notfound", base + "/silent", base + "/moved"));
    server = SafetyServers.start(o);
    noFederation = SafetyServers.start(o.withServiceAllow(List.of()));
    endpoint = SafetyServers.endpoint(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
    if (noFederation != null) noFederation.stop();
    if (remote != null) remote.stop(0);
  }

  @BeforeEach
  void forget() {
    contacted.clear();
  }

  static Reply ask(String endpoint, String query) {
    return SafetyServers.query(endpoint, query, "application/sparql-results+json", Duration.ofSeconds(30));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("a URL not on the list", "SELECT * WHERE { SERVICE <%s/other> { ?s ?p ?o } }"),
        Arguments.of("SERVICE SILENT to a URL not on the list", "SELECT * WHERE { SERVICE SILENT <%s/other> { ?s ?p ?o } }"),
        Arguments.of("SERVICE ?var", "SELECT * WHERE { VALUES ?u { <%s/allowed> } SERVICE ?u { ?s ?p ?o } }"),
        Arguments.of("the server itself on loopback", "SELECT * WHERE { SERVICE <http://localhost:SELF/sovecon/sparql> { ?s ?p ?o } } # %s"),
        Arguments.of("inside FILTER EXISTS", "SELECT * WHERE { ?a ?b ?c FILTER EXISTS { SERVICE <%s/other> { ?s ?p ?o } } } LIMIT 1"),
        Arguments.of("inside a subquery", "SELECT * WHERE { { SELECT * WHERE { SERVICE <%s/other> { ?s ?p ?o } } } }"),
        Arguments.of("after rows have been produced", "SELECT * WHERE { { ?a ?b ?c } UNION { SERVICE <%s/other> { ?s ?p ?o } } }"),
        Arguments.of("a prefix of an allowed URL", "SELECT * WHERE { SERVICE <%s/allowed/more> { ?s ?p ?o } }"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedWithA400BeforeAnyRequest(String what, String template) {
    String q = String.format(template, base).replace("SELF", String.valueOf(server.getHttpPort()));
    Reply r = ask(endpoint, q);
    assertEquals(400, r.status(), r.toString());
    assertTrue(r.body().contains("SERVICE"), "the message names SERVICE: " + r);
    assertEquals(Set.of(), contacted, "no request was made");
  }

  @Test
  void anAllowedEndpointIsCalled() {
    Reply r = ask(endpoint, "SELECT ?x WHERE { SERVICE <" + base + "/allowed> { ?x ?y ?z } }");
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.body().contains("from-remote"), r.toString());
    assertEquals(Set.of("/allowed"), contacted);
  }

  @Test
  void aRedirectFromAnAllowedEndpointIsNotFollowed() {
    Reply r = ask(endpoint, "SELECT ?x WHERE { SERVICE <" + base + "/moved> { ?x ?y ?z } }");
    assertEquals(502, r.status(), r.toString());
    assertEquals(Set.of("/moved"), contacted, "only the allowed endpoint was asked");
  }

  @Test
  void withoutFederationEverySERVICEIsRefused() {
    Reply r = ask(SafetyServers.endpoint(noFederation), "SELECT ?x WHERE { SERVICE <" + base + "/allowed> { ?x ?y ?z } }");
    assertEquals(400, r.status(), r.toString());
    assertTrue(r.body().contains("SERVICE"), r.toString());
    assertEquals(Set.of(), contacted);
  }

  @Test
  void wikidataIsTheDefaultAllowlist() {
    assertEquals(List.of("https://query.wikidata.org/sparql"), ServeOptions.defaults().serviceAllow());
  }

  @Test
  void anEndpointThatNeverAnswersEndsAtTheServiceTimeout() {
    Reply r = ask(endpoint, "SELECT ?x WHERE { SERVICE <" + base + "/silent> { ?x ?y ?z } }");
    assertTrue(r.status() >= 500, r.toString());
    assertTrue(r.body().contains("SERVICE"), "the message names SERVICE: " + r);
    assertTrue(r.millis() < SERVICE_TIMEOUT.toMillis() + 3000, "took " + r.millis() + " ms");
  }

  @Test
  void aFailingServiceAfterAFewRowsGivesAnErrorStatusNotACorruptBody() {
    Reply r = ask(endpoint, "SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 5 } UNION { SERVICE <" + base + "/notfound> { ?a ?b ?c } } }");
    assertEquals(502, r.status(), r.toString());
    assertTrue(r.body().contains("SERVICE") && r.body().contains("404"), r.toString());
    assertFalse(r.body().contains("\"bindings\""), "no partial result in the error: " + r);
  }

  @Test
  void aFailingServiceAfterManyRowsBreaksTheTransferRatherThanEndingA200() {
    Reply r = ask(endpoint, "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <" + base + "/notfound> { ?a ?b ?c } } }");
    assertTrue(r.broken() != null || r.status() >= 400, r.toString());
    assertFalse(r.body().endsWith("Not Found") || r.body().endsWith("Not Found\n"), "error text appended to the body");
  }
}
