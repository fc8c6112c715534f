package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.sovecon.SafetyServers.Reply;
import org.sovecon.serve.LoadTest;
import org.sovecon.serve.ServeOptions;

/**
 * Fuzzes the query endpoint: queries of the catalogue mutated at random (spans deleted, repeated or
 * replaced by SPARQL tokens and odd characters, bytes flipped, deep nesting), and random bytes, sent as
 * GET, form POST and application/sparql-query with assorted Accept headers. Every answer must be a
 * clean one: 200, or a 4xx or 503 with a message, or a streamed result broken off at the timeout;
 * never a 5xx otherwise, never an error without a body, never a hang; the server answers a ping
 * afterwards.
 *
 * <p>{@code -Dfuzz.cases=N} sets the number of cases (default 300), {@code -Dfuzz.seed=S} the seed:
 * {@code mvn -B -q verify -Dit.test=QueryFuzzIT -Dfuzz.cases=10000}.
 */
class QueryFuzzIT {
  static final Duration TIMEOUT = Duration.ofSeconds(1);
  static final String[] TOKENS = {
      "{", "}", "(", ")", "[", "]", ".", ";", ",", "?x", "$y", "_:b", "SELECT", "*", "WHERE", "OPTIONAL", "UNION", "MINUS",
      "FILTER", "NOT EXISTS", "BIND(", "AS", "VALUES", "GRAPH", "SERVICE", "SERVICE <http://127.0.0.1:1/sparql>",
      "SERVICE SILENT ?s", "ORDER BY", "GROUP BY", "LIMIT -1", "OFFSET 99999999999999999999", "\"", "'", "\"\"\"", "<", ">",
      "<http://x/y z>", "#", "\\", "\\u0000", "\u0000", "\uFFFF", "\uD800", "😀", "%", "%00", "^^", "@en-", "|", "/", "^", "*", "+",
      "?", "!", "REGEX(?x, \"(a+)+b\")", "COUNT(", "SUM(", "DISTINCT", "REDUCED", "1e999999", "-0", "NaN", "true",
      "PREFIX : <http://a/>", "BASE <rel>", "CONSTRUCT", "DESCRIBE", "ASK", "INSERT DATA", "LOAD <http://127.0.0.1:1/>",
      "<java:org.apache.jena.sparql.function.library.FN_Matches>", "{ ?s ?p ?o }", "?s ?p ?o .", "(<urn:a>|!<urn:a>)*",
  };
  static final String[] ACCEPTS = {
      "application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values",
      "text/plain", "text/turtle", "application/ld+json", "*/*", "garbage/(", "", "application/x-thrift",
  };

  record Case(String method, String accept, byte[] body, String query) {}

  static Case generate(Random r, List<String> catalogue) {
    String base = catalogue.get(r.nextInt(catalogue.size()));
    String q = base;
    int mutations = 1 + r.nextInt(4);
    for (int m = 0; m < mutations; m++) q = mutate(r, q);
    byte[] bytes = q.getBytes(StandardCharsets.UTF_8);
    if (r.nextInt(10) == 0 && bytes.length > 0) bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
    if (r.nextInt(40) == 0) {
      bytes = new byte[r.nextInt(2000)];
      r.nextBytes(bytes);
    }
    String method = switch (r.nextInt(3)) { case 0 -> "GET"; case 1 -> "FORM"; default -> "BODY"; };
    return new Case(method, ACCEPTS[r.nextInt(ACCEPTS.length)], bytes, new String(bytes, StandardCharsets.UTF_8));
  }

  static String mutate(Random r, String q) {
    int len = q.length();
    int a = len == 0 ? 0 : r.nextInt(len);
    int b = Math.min(len, a + r.nextInt(40));
    String token = TOKENS[r.nextInt(TOKENS.length)];
    return switch (r.nextInt(8)) {
      case 0 -> q.substring(0, a) + q.substring(b);                             // delete a span
      case 1 -> q.substring(0, a) + token + q.substring(a);                     // insert a token
      case 2 -> q.substring(0, a) + token + q.substring(b);                     // replace a span
      case 3 -> q.substring(0, b) + q.substring(a, b).repeat(1 + r.nextInt(50)) + q.substring(b); // repeat a span
      case 4 -> q.substring(0, a);                                              // truncate
      case 5 -> "{".repeat(r.nextInt(3000)) + q + "}".repeat(r.nextInt(3000)); // deep nesting
      case 6 -> q.substring(0, a) + (char) r.nextInt(0x3000) + q.substring(a);  // any character
      default -> q.replace("?", token.startsWith("?") ? token : "?");          // rename variables
    };
  }

  static Reply send(String endpoint, Case c) {
    Duration wait = TIMEOUT.plusSeconds(20);
    HttpRequest.Builder b = switch (c.method()) {
      case "GET" -> HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(c.query(), StandardCharsets.UTF_8))).GET();
      case "FORM" -> HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(c.query(), StandardCharsets.UTF_8)));
      default -> HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/sparql-query")
          .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
    };
    if (!c.accept().isEmpty()) b.header("Accept", c.accept());
    return SafetyServers.send(b.timeout(wait).build());
  }

  /**
   * 200; or 4xx, or 503 (timeout), with a message; or a result too large to buffer that was streamed
   * and broken off at the timeout (status -1), the one honest end left for it (docs/safety.md).
   */
  static boolean clean(Reply r) {
    if (r.broken() != null) return r.millis() >= TIMEOUT.toMillis() - 100 && !(r.broken() instanceof java.net.http.HttpTimeoutException);
    if (r.status() == 200) return true;
    boolean allowed = (r.status() >= 400 && r.status() < 500) || r.status() == 503;
    return allowed && !r.body().isBlank();
  }

  @Test
  void theQueryEndpointAnswersFuzzCleanly() throws Exception {
    int cases = Integer.getInteger("fuzz.cases", 300);
    long seed = Long.getLong("fuzz.seed", 20261205L);
    FusekiServer server = SafetyServers.start(ServeOptions.defaults().withTimeout(TIMEOUT).withServiceAllow(List.of()));
    try {
      String endpoint = SafetyServers.endpoint(server);
      List<String> catalogue = new ArrayList<>(LoadTest.catalogue(TestProjects.repoRoot().resolve("queries")));
      catalogue.addAll(LoadTest.RUNAWAYS);
      Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
      List<String> unclean = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < cases; i++) {
        Random r = new Random(seed * 1_000_003L + i);
        int n = i;
        done.add(pool.submit(() -> {
          Case c = generate(r, catalogue);
          Reply reply = send(endpoint, c);
          byStatus.computeIfAbsent(reply.status(), k -> new AtomicLong()).incrementAndGet();
          if (!clean(reply)) unclean.add("case " + n + " (" + c.method() + ", Accept " + c.accept() + "): " + reply
              + "\n  query: " + (c.query().length() > 300 ? c.query().substring(0, 300) + "..." : c.query()));
        }));
      }
      for (Future<?> f : done) f.get();
      pool.shutdown();
      System.out.printf("query fuzz: %d cases (seed %d) in %.0f s; by status %s; %d unclean%n",
          cases, seed, (System.nanoTime() - t0) / 1e9, new TreeMap<>(byStatus), unclean.size());
      assertTrue(unclean.isEmpty(), unclean.size() + " unclean answers:\n" + String.join("\n", unclean.subList(0, Math.min(10, unclean.size()))));
      assertEquals(200, SafetyServers.get("http://127.0.0.1:" + server.getHttpPort() + "/$/ping").status(), "alive after the fuzz");
    } finally {
      server.stop();
    }
  }
}
