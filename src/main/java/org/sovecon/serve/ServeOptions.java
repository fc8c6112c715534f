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
 */
public record ServeOptions(String host, int port, Duration timeout, List<String> serviceAllow,
    Duration serviceTimeout, List<String> allowHosts, boolean logQueries, int maxQueryLength,
    String baseIri) {

  public static final String WIKIDATA = "https://query.wikidata.org/sparql";

  public ServeOptions {
    serviceAllow = List.copyOf(serviceAllow);
    allowHosts = List.copyOf(allowHosts);
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the query timeout must be positive: " + timeout);
    if (!baseIri.endsWith("/")) throw new IllegalArgumentException("the base IRI must end with '/': " + baseIri);
    if (maxQueryLength <= 0) throw new IllegalArgumentException("the query length limit must be positive: " + maxQueryLength);
  }

  /** Loopback, port 3030, 30 s per query, Wikidata as the only SERVICE, 10 s to reach it, 256 KiB of query text. */
  public static ServeOptions defaults() {
    return new ServeOptions("127.0.0.1", 3030, Duration.ofSeconds(30), List.of(WIKIDATA), Duration.ofSeconds(10),
        List.of(), false, 256 * 1024, org.sovecon.vocab.Namespaces.BASE);
  }

  public ServeOptions withHost(String h) { return new ServeOptions(h, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri); }
  public ServeOptions withPort(int p) { return new ServeOptions(host, p, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri); }
  public ServeOptions withTimeout(Duration t) { return new ServeOptions(host, port, t, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri); }
  public ServeOptions withServiceAllow(List<String> s) { return new ServeOptions(host, port, timeout, s, serviceTimeout, allowHosts, logQueries, maxQueryLength, baseIri); }
  public ServeOptions withServiceTimeout(Duration t) { return new ServeOptions(host, port, timeout, serviceAllow, t, allowHosts, logQueries, maxQueryLength, baseIri); }
  public ServeOptions withAllowHosts(List<String> a) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, a, logQueries, maxQueryLength, baseIri); }
  public ServeOptions withLogQueries(boolean l) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, l, maxQueryLength, baseIri); }
  public ServeOptions withMaxQueryLength(int m) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, m, baseIri); }
  public ServeOptions withBaseIri(String b) { return new ServeOptions(host, port, timeout, serviceAllow, serviceTimeout, allowHosts, logQueries, maxQueryLength, b); }
}
