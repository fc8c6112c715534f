package org.sovecon.serve;

import java.time.Duration;
import java.util.List;

/**
 * How the server guards itself: where it listens, how long a query may run, which SERVICE endpoints
 * a query may call, which Host names it answers to and what it logs.
 *
 * <pre>
 *   ServeOptions o = ServeOptions.defaults().withTimeout(Duration.ofSeconds(5)).withServiceAllow(List.of());
 * </pre>
 *
 * @param host            address to listen on (loopback by default)
 * @param port            port (0 picks a free one)
 * @param timeout         longest a query may run, results included, before it is cancelled
 * @param serviceAllow    SERVICE endpoints a query may call, compared as exact URLs; empty: no federation
 * @param serviceTimeout  connect and read timeout of a SERVICE request
 * @param allowHosts      Host header names accepted besides the loopback names and the bind address;
 *                        {@code *} accepts any
 * @param logQueries      log each query's full text (otherwise only its hash and length)
 * @param maxQueryLength  longest query text accepted, in characters
 * @param baseIri         the IRI namespace this server answers for: {@code BASE/id/x} is served at {@code /id/x}
 * @param answerCacheBytes bytes of answers kept to answer a repeated query without running it again
 *                        ({@link AnswerCacheFilter}); 0 runs every query
 * @param answerFileBytes bytes of answers too big for the heap kept in temporary files instead
 *                        ({@link AnswerFiles}); 0 keeps none
 * @param release         names the served build in the answers' HTTP tags (ETag)
 */
public record ServeOptions(String host, int port, Duration timeout, List<String> serviceAllow,
    Duration serviceTimeout, List<String> allowHosts, boolean logQueries, int maxQueryLength,
    String baseIri, long answerCacheBytes, long answerFileBytes, String release) {

  public static final String WIKIDATA = "https://query.wikidata.org/sparql";

  public ServeOptions {
    serviceAllow = List.copyOf(serviceAllow);
    allowHosts = List.copyOf(allowHosts);
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the query timeout must be positive: " + timeout);
    if (!baseIri.endsWith("/")) throw new IllegalArgumentException("the base IRI must end with '/': " + baseIri);
    if (maxQueryLength <= 0) throw new IllegalArgumentException("the query length limit must be positive: " + maxQueryLength);
    if (answerCacheBytes < 0) throw new IllegalArgumentException("the answer cache's size cannot be negative: " + answerCacheBytes);
    if (answerFileBytes < 0) throw new IllegalArgumentException("the answer files' size cannot be negative: " + answerFileBytes);
    if (!release.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("a release name is letters, digits, '.', '_' and '-': " + release);
  }

  /** Answers kept by default: small beside the heap the launcher gives even the smallest store. */
  public static final long DEFAULT_ANSWER_CACHE = 32L << 20;

  /**
   * Answers too big for the heap kept on disk by default: enough for the answers that list everything
   * on a graph a hundred times today's (tens of MB each), small beside the store itself.
   */
  public static final long DEFAULT_ANSWER_FILES = 512L << 20;

  /**
   * Loopback, port 3030, 30 s per query, Wikidata as the only SERVICE, 10 s to reach it, 256 KiB of
   * query text, 32 MiB of answers kept on the heap and 512 MiB on disk, a release name made up at start.
   */
  public static ServeOptions defaults() {
    return new ServeOptions("127.0.0.1", 3030, Duration.ofSeconds(30), List.of(WIKIDATA), Duration.ofSeconds(10),
        List.of(), false, 256 * 1024, org.sovecon.vocab.Namespaces.BASE,
        DEFAULT_ANSWER_CACHE, DEFAULT_ANSWER_FILES, "start" + Long.toString(System.currentTimeMillis(), 36));
  }

  public ServeOptions withHost(String h) { return new ServeOptions(h, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withPort(int p) { return new ServeOptions(host, p, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withTimeout(Duration t) { return new ServeOptions(host, port, t, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withServiceAllow(List<String> s) { return new ServeOptions(host, port, timeout, s, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withServiceTimeout(Duration t) { return new ServeOptions(host, port, timeout, serviceAllow, t, allowHosts, logQueries, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withAllowHosts(List<String> a) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, a, logQueries, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withLogQueries(boolean l) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, l, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withMaxQueryLength(int m) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, m, baseIri, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withBaseIri(String b) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, b, answerCacheBytes, answerFileBytes, release); }
  public ServeOptions withAnswerCacheBytes(long c) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri, c, answerFileBytes, release); }
  public ServeOptions withAnswerFileBytes(long n) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri, answerCacheBytes, n, release); }
  public ServeOptions withRelease(String r) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri, answerCacheBytes, answerFileBytes, r); }
}
