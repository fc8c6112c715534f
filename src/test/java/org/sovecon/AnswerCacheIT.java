package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sovecon.serve.EngineWarmUp;
import org.sovecon.serve.ServeOptions;
import org.sovecon.serve.UserActivity;

/**
 * A repeated query is answered from the answers the server keeps, without reaching Fuseki (whose every
 * answer carries a {@code Fuseki-Request-Id}); answers carry an ETag that a client can send back for a
 * 304; what may change (SERVICE, NOW(), errors, timeouts) is never kept; the bound holds.
 */
class AnswerCacheIT {
  static final String PEOPLE = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/sovecon/ontology#Person> }";
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static FusekiServer server;
  static FusekiServer uncached;
  static FusekiServer small;
  static FusekiServer spilling;

  @BeforeAll
  static void start() throws Exception {
    ServeOptions base = ServeOptions.defaults().withServiceAllow(List.of()).withTimeout(Duration.ofSeconds(2));
    server = SafetyServers.start(base.withRelease("test-1"));
    uncached = SafetyServers.start(base.withAnswerCacheBytes(0));
    small = SafetyServers.start(base.withAnswerCacheBytes(16 * 1024).withAnswerFileBytes(0)); // answers of up to 1 KiB kept
    // Answers of up to 1 KiB on the heap, bigger ones of up to 16 KiB in files, 64 KiB of files in all.
    spilling = SafetyServers.start(base.withAnswerCacheBytes(16 * 1024).withAnswerFileBytes(64 * 1024).withRelease("test-2"));
  }

  @AfterAll
  static void stop() {
    for (FusekiServer s : new FusekiServer[] {server, uncached, small, spilling}) if (s != null) s.stop();
  }

  static HttpResponse<String> post(FusekiServer s, String query, String accept, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SafetyServers.endpoint(s))).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(FusekiServer s, String query, String accept) throws Exception {
    URI u = URI.create(SafetyServers.endpoint(s) + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(u).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Fuseki numbers every request it handles; an answer given from the cache never reached it. */
  static boolean ranOnTheEngine(HttpResponse<String> r) {
    return r.headers().firstValue("Fuseki-Request-Id").isPresent();
  }

  static String etag(HttpResponse<String> r) {
    return r.headers().firstValue("ETag").orElse("");
  }

  @Test
  void aRepeatedQueryIsAnsweredFromTheCacheWithTheSameBodyAndTag() throws Exception {
    String q = PEOPLE + " # repeated";
    HttpResponse<String> first = post(server, q, "text/csv");
    HttpResponse<String> second = post(server, q, "text/csv");
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(ranOnTheEngine(first));
    assertFalse(ranOnTheEngine(second), "the second answer should come from the cache");
    assertEquals(first.body(), second.body());
    assertTrue(first.body().matches("(?s)n\\r?\\n[1-9][0-9]*\\r?\\n"), first.body());
    assertTrue(etag(first).startsWith("\"test-1-"), etag(first));
    assertEquals(etag(first), etag(second));
    assertEquals("no-cache", second.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(second.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), second.headers().map().toString());
    assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
  }

  @Test
  void aClientThatHasTheAnswerGetsA304() throws Exception {
    String q = PEOPLE + " # revalidated";
    String tag = etag(post(server, q, "text/csv"));
    HttpResponse<String> again = post(server, q, "text/csv", "If-None-Match", tag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(200, post(server, q, "text/csv", "If-None-Match", "\"another-build-123\"").statusCode());
  }

  @Test
  void getAndPostOfTheSameQueryAreOneAnswerAndEachMediaTypeItsOwn() throws Exception {
    String q = PEOPLE + " # get and post";
    HttpResponse<String> posted = post(server, q, "application/sparql-results+json");
    HttpResponse<String> got = get(server, q, "application/sparql-results+json");
    assertFalse(ranOnTheEngine(got));
    assertEquals(posted.body(), got.body());
    HttpResponse<String> csv = get(server, q, "text/csv");
    assertTrue(ranOnTheEngine(csv), "another media type is another answer");
    assertNotEquals(etag(posted), etag(csv));
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
  }

  @Test
  void whatMayChangeIsNeverKept() throws Exception {
    for (String q : List.of("SELECT (NOW() AS ?t) WHERE {}", "SELECT (RAND() AS ?r) WHERE {}",
        "SELECT (STRUUID() AS ?u) WHERE {}")) {
      post(server, q, "text/csv");
      HttpResponse<String> again = post(server, q, "text/csv");
      assertEquals(200, again.statusCode(), q + ": " + again.body());
      assertTrue(ranOnTheEngine(again), q + " should run every time");
      assertEquals("", etag(again), q);
    }
  }

  @Test
  void errorsAndTimeoutsAreNotKept() throws Exception {
    HttpResponse<String> bad = post(server, "SELECT WHERE {", "text/csv");
    assertEquals(400, bad.statusCode());
    assertEquals(400, post(server, "SELECT WHERE {", "text/csv").statusCode());
    assertEquals("", etag(bad));
    String runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    HttpResponse<String> t1 = post(server, runaway, "text/csv");
    HttpResponse<String> t2 = post(server, runaway, "text/csv");
    assertEquals(503, t1.statusCode(), t1.body());
    assertEquals(503, t2.statusCode(), t2.body());
    assertTrue(ranOnTheEngine(t2));
  }

  @Test
  void noCacheAsksTheEngineAndNoStoreKeepsNothing() throws Exception {
    String q = PEOPLE + " # no-store";
    post(server, q, "text/csv", "Cache-Control", "no-store");
    assertTrue(ranOnTheEngine(post(server, q, "text/csv")), "a no-store answer was kept");
    assertFalse(ranOnTheEngine(post(server, q, "text/csv")));
    assertTrue(ranOnTheEngine(post(server, q, "text/csv", "Cache-Control", "no-cache")));
  }

  @Test
  void theBoundHoldsAndZeroTurnsTheCacheOff() throws Exception {
    String big = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 200";
    post(small, big, "text/csv");
    assertTrue(ranOnTheEngine(post(small, big, "text/csv")), "an answer over the entry limit was kept");
    post(small, PEOPLE, "text/csv");
    assertFalse(ranOnTheEngine(post(small, PEOPLE, "text/csv")));
    post(uncached, PEOPLE, "text/csv");
    HttpResponse<String> r = post(uncached, PEOPLE, "text/csv");
    assertTrue(ranOnTheEngine(r));
    assertEquals("", etag(r));
  }

  /** Triples of the store, as CSV: about 150 bytes a row. */
  static String rows(int n, String tag) {
    return "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT " + n + " # " + tag;
  }

  @Test
  void anAnswerTooBigForTheHeapIsKeptInAFileAndServedWhole() throws Exception {
    String q = rows(60, "to a file");
    HttpResponse<String> first = post(spilling, q, "text/csv");
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().length() > 1024 && first.body().length() < 16 * 1024, "between the two limits: " + first.body().length());
    HttpResponse<String> second = post(spilling, q, "text/csv");
    assertFalse(ranOnTheEngine(second), "the second answer should come from the file");
    assertEquals(first.body(), second.body());
    assertEquals(String.valueOf(first.body().getBytes(StandardCharsets.UTF_8).length),
        second.headers().firstValue("Content-Length").orElse(""));
    assertEquals(etag(first), etag(second));
    HttpResponse<String> current = post(spilling, q, "text/csv", "If-None-Match", etag(first));
    assertEquals(304, current.statusCode());
    assertTrue(answerFiles().stream().anyMatch(f -> f.toFile().length() == first.body().getBytes(StandardCharsets.UTF_8).length),
        "the answer is a file in the server's folder: " + answerFiles());
  }

  @Test
  void answerFilesAreBoundedEachAndInAll() throws Exception {
    String tooBig = rows(400, "over a quarter of the files' share");
    HttpResponse<String> r = post(spilling, tooBig, "text/csv");
    assertTrue(r.body().length() > 16 * 1024, "over the files' entry limit: " + r.body().length());
    assertTrue(ranOnTheEngine(post(spilling, tooBig, "text/csv")), "an answer over the files' entry limit was kept");
    // Ten answers of ~9 KiB: the first ones are evicted (their files deleted) to stay within 64 KiB.
    String firstOfMany = rows(60, "many 0");
    for (int i = 0; i < 10; i++) post(spilling, rows(60, "many " + i), "text/csv");
    assertTrue(ranOnTheEngine(post(spilling, firstOfMany, "text/csv")), "the least recently used answer was evicted");
    assertFalse(ranOnTheEngine(post(spilling, rows(60, "many 9"), "text/csv")), "a recent one is kept");
    long bytes = 0;
    for (var f : answerFiles()) bytes += f.toFile().length();
    assertTrue(bytes <= 64 * 1024, "the files stay within their share: " + bytes);
  }

  /** The files of this process's answer folder ({@code sovecon-answers-PID-*} in the temporary folder). */
  static List<java.nio.file.Path> answerFiles() throws Exception {
    java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    try (var dirs = java.nio.file.Files.newDirectoryStream(tmp, "sovecon-answers-" + ProcessHandle.current().pid() + "-*")) {
      List<java.nio.file.Path> out = new java.util.ArrayList<>();
      for (var d : dirs) try (var files = java.nio.file.Files.list(d)) { files.forEach(out::add); }
      return out;
    }
  }

  @Test
  void theWarmUpRunsTheCatalogueWithoutFillingTheCache() throws Exception {
    List<String> catalogue = EngineWarmUp.catalogue();
    assertTrue(catalogue.size() > 50, "catalogue of " + catalogue.size());
    assertTrue(catalogue.stream().noneMatch(q -> q.contains("SERVICE")));
    List<String> some = catalogue.subList(0, 5);
    var done = EngineWarmUp.run(URI.create(SafetyServers.endpoint(server)), some, 2, Duration.ofSeconds(60),
        UserActivity.of(server), Duration.ofMillis(200));
    assertEquals(new EngineWarmUp.Done(10, 0), done);
    HttpResponse<String> after = post(server, some.get(0), "application/sparql-results+json, text/turtle;q=0.9");
    assertTrue(ranOnTheEngine(after), "the warm-up's answers should not be kept");
  }

  @Test
  void theWarmUpWaitsWhileUsersAreAsking() throws Exception {
    UserActivity users = UserActivity.of(small);
    post(small, PEOPLE + " # a user", "text/csv");
    assertFalse(users.quietFor(Duration.ofSeconds(3)), "a user's request should count as activity");
    // Asked to wait for 3 s of quiet, within a budget of 1 s: the warm-up sends nothing.
    var done = EngineWarmUp.run(URI.create(SafetyServers.endpoint(small)), EngineWarmUp.catalogue(), 1,
        Duration.ofSeconds(1), users, Duration.ofSeconds(3));
    assertEquals(new EngineWarmUp.Done(0, 0), done);
  }
}
