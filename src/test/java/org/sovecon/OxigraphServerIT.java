package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's Oxigraph peer (bench/oxigraph/server.js): a query past the server's limit is stopped
 * and answered 503, and the server, its store reloaded, answers the next query. Before, one runaway
 * query held its single thread for minutes and every later request of the benchmark queued behind it.
 */
class OxigraphServerIT {
  static final int LIMIT_SECONDS = 2;
  static final int TRIPLES = 2_000;
  @TempDir Path tmp;

  @Test
  void aQueryPastTheLimitIsStoppedAndTheNextOneIsAnswered() throws Exception {
    Path dir = TestProjects.repoRoot().resolve("bench/oxigraph");
    ExternalTools.require(ExternalTools.works(java.util.List.of("node", "--version"))
        && Files.isDirectory(dir.resolve("node_modules/oxigraph")), "node with bench/oxigraph installed (npm ci there)");
    Path nt = tmp.resolve("graph.nt");
    Files.writeString(nt, IntStream.range(0, TRIPLES)
        .mapToObj(i -> "<urn:s" + i + "> <urn:p> <urn:o" + i + "> <urn:g> .\n").collect(Collectors.joining()));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = new ProcessBuilder("node", dir.resolve("server.js").toString(), nt.toString(),
        Integer.toString(port), Integer.toString(LIMIT_SECONDS))
        .redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile()).start();
    try {
      String endpoint = "http://127.0.0.1:" + port + "/sparql";
      String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:p> ?o }";
      assertEquals(TRIPLES, countWhenUp(endpoint, count, server), "the union default graph holds the file");

      long started = System.nanoTime();
      HttpResponse<String> r = post(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("timed out"), r.body());
      assertTrue(ms >= LIMIT_SECONDS * 1000 - 100 && ms < LIMIT_SECONDS * 1000 + 5000, "answered after " + ms + " ms");

      r = post(endpoint, count);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(TRIPLES, Integer.parseInt(r.body().strip().split("\\R")[1]), "the reloaded store is whole");
      assertTrue(server.isAlive(), Files.readString(tmp.resolve("server.log")));
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    }
  }

  private static int countWhenUp(String endpoint, String query, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(server.isAlive(), "the server exited");
      try {
        HttpResponse<String> r = post(endpoint, query);
        assertEquals(200, r.statusCode(), r.body());
        return Integer.parseInt(r.body().strip().split("\\R")[1]);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the server did not answer within 60 s");
  }

  private static HttpResponse<String> post(String endpoint, String query) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }
}
