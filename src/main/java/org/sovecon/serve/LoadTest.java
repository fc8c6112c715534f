package org.sovecon.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * A load test of a running server: N clients run the query catalogue over and over for a while, and
 * optionally a few more clients send runaway queries meanwhile. Reports errors, latency percentiles
 * and throughput of the catalogue clients, and how each runaway ended.
 *
 * <pre>
 *   Phase quiet = LoadTest.run(endpoint, LoadTest.catalogue(Path.of("queries")), 32, Duration.ofSeconds(60), 0);
 * </pre>
 */
public final class LoadTest {
  private LoadTest() {}

  /** The kinds of query issue 10 found could hold a server for good. */
  public static final List<String> RUNAWAYS = List.of(
      "SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY DESC(STR(?c)) STR(?f)",
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:x>|!<urn:x>|^!<urn:x>)* ?o }",
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c OPTIONAL { ?c ?d ?e OPTIONAL { ?e ?f ?g FILTER NOT EXISTS { ?h ?i ?j . ?k ?l ?m FILTER(?h != ?k) } } } }",
      "SELECT * WHERE { BIND(\"" + "a".repeat(40) + "!\" AS ?s) FILTER(REGEX(?s, \"((a+)+)+b\")) }");

  private static final java.util.regex.Pattern CALLS_OUT = java.util.regex.Pattern.compile("(?im)^[^#\\n]*(?<![?$\\w])SERVICE\\s+(SILENT\\s+)?[<?$]");

  /** One finished request. */
  public record Call(String query, int status, long millis, String error) {}

  /** What one phase of the test measured. */
  public record Phase(int clients, Duration duration, List<Call> calls, List<Call> runaways) {
    public long errors() { return calls.stream().filter(c -> c.status() != 200).count(); }
    public double throughput() { return calls.size() / (duration.toMillis() / 1000.0); }
    public long percentile(double p) {
      List<Long> ms = new ArrayList<>(calls.stream().map(Call::millis).toList());
      if (ms.isEmpty()) return 0;
      Collections.sort(ms);
      return ms.get(Math.min(ms.size() - 1, (int) Math.ceil(p / 100.0 * ms.size()) - 1));
    }

    public String summary() {
      return String.format("%d clients, %d s: %,d queries, %d errors, p50 %d ms, p95 %d ms, p99 %d ms, %.1f queries/s",
          clients, duration.toSeconds(), calls.size(), errors(), percentile(50), percentile(95), percentile(99), throughput());
    }

    public List<String> errorSamples() {
      return calls.stream().filter(c -> c.status() != 200).limit(5)
          .map(c -> c.status() + " " + c.error() + " for " + firstLine(c.query())).toList();
    }
  }

  /** Every {@code .rq} file under {@code dir}, in path order. */
  public static List<String> catalogue(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".rq")).sorted().map(p -> {
        try {
          return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      })
          // A load test measures this server: it must not pass its load on to a public endpoint
          // (queries/wikidata/ call Wikidata's).
          .filter(q -> !CALLS_OUT.matcher(q).find())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code clients} clients over {@code queries} for {@code duration}, with {@code runawayClients}
   * more sending {@link #RUNAWAYS} one after another; waits for the runaways in flight to end.
   */
  public static Phase run(URI endpoint, List<String> queries, int clients, Duration duration, int runawayClients)
      throws InterruptedException {
    requireLoopback(endpoint);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Call> runaways = new ConcurrentLinkedQueue<>();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int offset = i * 7;
      threads.add(thread("load-client-" + i, () -> {
        for (int n = offset; System.nanoTime() < end; n++) calls.add(call(http, endpoint, queries.get(n % queries.size())));
      }));
    }
    for (int i = 0; i < runawayClients; i++) {
      int offset = i;
      threads.add(thread("runaway-client-" + i, () -> {
        for (int n = offset; System.nanoTime() < end; n++) runaways.add(call(http, endpoint, RUNAWAYS.get(n % RUNAWAYS.size())));
      }));
    }
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
    return new Phase(clients, duration, List.copyOf(calls), List.copyOf(runaways));
  }

  private static Thread thread(String name, Runnable r) {
    return new Thread(r, name);
  }

  private static Call call(HttpClient http, URI endpoint, String query) {
    HttpRequest r = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(5))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build();
    long t0 = System.nanoTime();
    try {
      HttpResponse<InputStream> resp = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
      String head;
      try (InputStream in = resp.body()) {
        byte[] first = in.readNBytes(300);
        in.transferTo(java.io.OutputStream.nullOutputStream());
        head = new String(first, StandardCharsets.UTF_8);
      }
      return new Call(query, resp.statusCode(), (System.nanoTime() - t0) / 1_000_000, resp.statusCode() == 200 ? "" : firstLine(head));
    } catch (IOException e) {
      return new Call(query, -1, (System.nanoTime() - t0) / 1_000_000, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Call(query, -1, (System.nanoTime() - t0) / 1_000_000, "interrupted");
    }
  }

  static void requireLoopback(URI endpoint) {
    String h = endpoint.getHost();
    if (h == null || !(SoveconServer.isLoopback(h) || h.equals("[::1]")))
      throw new IllegalArgumentException("the load test runs only against a server on this machine (loopback), not " + endpoint);
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    t = nl < 0 ? t : t.substring(0, nl);
    return t.length() > 120 ? t.substring(0, 120) + "..." : t;
  }
}
