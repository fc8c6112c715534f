package org.sovecon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.sovecon.serve.ServeOptions;
import org.sovecon.serve.SoveconServer;

/**
 * The repository's store, built once per test JVM, served with chosen {@link ServeOptions} on a free
 * loopback port; and the HTTP calls the safety tests make against it.
 */
final class SafetyServers {
  private SafetyServers() {}

  /** The store built from data/, shared by the safety tests and others (built once per JVM; read-only). */
  static Dataset store() throws IOException {
    return TestProjects.sharedBuiltStore();
  }

  static FusekiServer start(ServeOptions options) throws IOException {
    FusekiServer s = SoveconServer.create(store(), options.withHost("127.0.0.1").withPort(0));
    s.start();
    return s;
  }

  static String endpoint(FusekiServer s) {
    return "http://127.0.0.1:" + s.getHttpPort() + "/sovecon/sparql";
  }

  /** A response, or the failure of a transfer the server broke off. */
  record Reply(int status, String body, long millis, IOException broken) {
    boolean ok() { return broken == null && status == 200; }
    @Override public String toString() {
      return broken != null ? "broken transfer after " + millis + " ms: " + broken
          : status + " after " + millis + " ms: " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** POSTs a query as a form; waits at most {@code wait} for the whole answer. */
  static Reply query(String endpoint, String query, String accept, Duration wait) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(endpoint)).timeout(wait)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build();
    return send(r);
  }

  static Reply send(HttpRequest r) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<InputStream> resp = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
      // Keep the head of the body: a runaway result can be gigabytes.
      String body;
      try (InputStream in = resp.body()) {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        for (int n; (n = in.read(buf)) >= 0; ) if (head.size() < 1 << 20) head.write(buf, 0, n);
        body = head.toString(StandardCharsets.UTF_8);
      }
      return new Reply(resp.statusCode(), body, (System.nanoTime() - t0) / 1_000_000, null);
    } catch (IOException e) {
      return new Reply(-1, "", (System.nanoTime() - t0) / 1_000_000, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Reply get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  /** A GET with a chosen Host header, over a plain socket (Java's HttpClient will not set Host). */
  static String statusLineWithHost(int port, String path, String host) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return all;
    }
  }

  /**
   * CPU time all threads of this JVM use over {@code window}: a query still running after its
   * timeout shows up as about one core for the whole window.
   */
  static long cpuMillisOver(Duration window) throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long before = totalCpu(mx);
    Thread.sleep(window.toMillis());
    return (totalCpu(mx) - before) / 1_000_000;
  }

  private static long totalCpu(ThreadMXBean mx) {
    long sum = 0;
    for (long id : mx.getAllThreadIds()) {
      long t = mx.getThreadCpuTime(id);
      if (t > 0) sum += t;
    }
    return sum;
  }
}
