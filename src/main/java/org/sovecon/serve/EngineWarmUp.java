package org.sovecon.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the query catalogue against the server just started, in the background, for a bounded time,
 * while the server is otherwise idle.
 * A fresh JVM interprets Jena's query engine, Jetty and the result writers for the first few hundred
 * requests before its compiler has made them fast (docs/benchmarks.md: the catalogue's geometric mean
 * went from 6.5 ms after three rounds to 3.6 ms after ten); this spends that time before users do.
 *
 * <p>The requests go through HTTP, so every layer a user's query passes through is warmed, and say
 * {@code Cache-Control: no-cache, no-store}: they run on the engine and leave nothing in the answer
 * cache. Queries calling a remote endpoint ({@code SERVICE}) are skipped. One thread, one request at
 * a time, and only while no user has asked anything for half a second: the warm-up uses idle time and
 * never competes with a user's query (once users come, their queries warm the engine themselves).
 */
public final class EngineWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(EngineWarmUp.class);
  private static final Pattern REMOTE = Pattern.compile("\\bSERVICE\\b", Pattern.CASE_INSENSITIVE);
  /** Marks the warm-up's own requests, which the request log leaves out when they come from this machine. */
  static final String HEADER = "Sovecon-Warm-Up";
  /** The catalogue as the query editor gets it (made from queries/ by the build). */
  static final String CATALOGUE = "/org/sovecon/serve/editor/catalogue.json";

  private EngineWarmUp() {}

  /** The catalogue's queries that run on the local graph alone. */
  public static List<String> catalogue() {
    List<String> queries = new ArrayList<>();
    try (InputStream in = EngineWarmUp.class.getResourceAsStream(CATALOGUE)) {
      if (in == null) return queries;
      for (JsonValue v : JSON.parseAny(in).getAsArray()) {
        String q = v.getAsObject().getString("query");
        if (q != null && !REMOTE.matcher(q).find()) queries.add(q);
      }
    } catch (IOException e) {
      LOG.warn("no warm-up: the query catalogue could not be read ({})", e.getMessage());
    }
    return queries;
  }

  /**
   * Starts the warm-up on a daemon thread: rounds of {@code queries} against {@code endpoint} until
   * {@code rounds} are done or {@code budget} has passed (checked between queries; each query is
   * bounded by the server's own timeout).
   */
  public static Thread start(URI endpoint, List<String> queries, int rounds, Duration budget, UserActivity users) {
    Thread t = new Thread(() -> run(endpoint, queries, rounds, budget, users, IDLE), "sovecon-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /** What a warm-up did: requests sent, and how many of them were not answered with a 200. */
  public record Done(int sent, int failed) {}

  /** How long no user request must have arrived before the next warm-up query is sent. */
  static final Duration IDLE = Duration.ofMillis(500);

  /** As {@link #start}, on this thread; each query is sent only after {@code idle} without a user request. */
  public static Done run(URI endpoint, List<String> queries, int rounds, Duration budget, UserActivity users, Duration idle) {
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    int sent = 0;
    int failed = 0;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    rounds:
    for (int r = 0; r < rounds; r++) {
      for (String q : queries) {
        try {
          while (!users.quietFor(idle)) {
            if (System.nanoTime() > deadline) break rounds;
            Thread.sleep(100);
          }
        } catch (InterruptedException e) {
          break rounds;
        }
        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) break rounds;
        HttpRequest req = HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/sparql-results+json, text/turtle;q=0.9")
            .header("Cache-Control", "no-cache, no-store")
            .header(HEADER, "1")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .build();
        try {
          HttpResponse<Void> resp = http.send(req, HttpResponse.BodyHandlers.discarding());
          if (resp.statusCode() != 200) failed++;
        } catch (IOException e) {
          failed++;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break rounds;
        }
        sent++;
      }
    }
    LOG.info("engine warmed up: {} catalogue queries in {} s{}", sent,
        String.format("%.1f", (System.nanoTime() - start) / 1e9), failed == 0 ? "" : " (" + failed + " not answered)");
    return new Done(sent, failed);
  }
}
