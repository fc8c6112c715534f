package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sovecon.serve.ServeOptions;
import org.sovecon.serve.SoveconServer;
import org.sovecon.serve.StatusPagesFilter;

/**
 * What the server shows and to whom: only loopback Host names (DNS rebinding), status pages only to
 * loopback clients, and logs that keep a query's hash and timing rather than its text.
 */
class ServerExposureIT {
  static FusekiServer server;
  static FusekiServer named;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    server = SafetyServers.start(ServeOptions.defaults().withServiceAllow(List.of()));
    named = SafetyServers.start(ServeOptions.defaults().withServiceAllow(List.of()).withAllowHosts(List.of("kg.example.org")));
    port = server.getHttpPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) server.stop();
    if (named != null) named.stop();
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  @Test
  void loopbackHostNamesAreAnswered() throws Exception {
    for (String h : List.of("localhost", "127.0.0.1", "[::1]", "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port))
      assertEquals(200, status(SafetyServers.statusLineWithHost(port, "/$/ping", h)), h);
  }

  @Test
  void anyOtherHostNameIsRefusedWithAMessage() throws Exception {
    for (String h : List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example", "kg.example.org")) {
      String r = SafetyServers.statusLineWithHost(port, "/sovecon/sparql?query=ASK%7B%7D", h);
      assertEquals(403, status(r), h + ": " + r);
      assertTrue(r.contains("--allow-host"), "the message says how to allow it: " + r);
    }
  }

  @Test
  void allowHostAddsAName() throws Exception {
    assertEquals(200, status(SafetyServers.statusLineWithHost(named.getHttpPort(), "/$/ping", "kg.example.org")));
    assertEquals(403, status(SafetyServers.statusLineWithHost(named.getHttpPort(), "/$/ping", "evil.example")));
  }

  @Test
  void statusPagesAnswerLoopbackClients() {
    assertEquals(200, SafetyServers.get("http://127.0.0.1:" + port + "/$/server").status());
    assertEquals(200, SafetyServers.get("http://127.0.0.1:" + port + "/$/stats").status());
  }

  @Test
  void statusPagesRefuseOtherClients() throws Exception {
    // The test cannot connect from another address (loopback only), so it asks the filter's rule.
    assertTrue(StatusPagesFilter.mayRead(InetAddress.getByName("127.0.0.1")));
    assertTrue(StatusPagesFilter.mayRead(InetAddress.getByName("::1")));
    assertFalse(StatusPagesFilter.mayRead(InetAddress.getByName("192.0.2.7")));
    assertFalse(StatusPagesFilter.mayRead(InetAddress.getByName("2001:db8::1")));
    assertTrue(StatusPagesFilter.isStatusPage("/$/server") && StatusPagesFilter.isStatusPage("/$/stats/sovecon"));
    assertFalse(StatusPagesFilter.isStatusPage("/$/ping"));
  }

  @Test
  void theLogKeepsAHashAndTimingNotTheQuery() throws Exception {
    String marker = "MarkerOfThisQuery" + System.nanoTime();
    String logged = logDuring(() -> SafetyServers.query(SafetyServers.endpoint(server),
        "SELECT * WHERE { ?s ?p \"" + marker + "\" }", "text/csv", Duration.ofSeconds(10)));
    assertFalse(logged.contains(marker), "the query's text is in the log:\n" + logged);
    assertTrue(logged.matches("(?s).*\\d+ ms query [0-9a-f]{12} .*"), "a time and a hash:\n" + logged);
  }

  @Test
  void logQueriesRestoresTheText() throws Exception {
    FusekiServer verbose = SafetyServers.start(ServeOptions.defaults().withServiceAllow(List.of()).withLogQueries(true));
    try {
      String marker = "MarkerOfThisQuery" + System.nanoTime();
      String logged = logDuring(() -> SafetyServers.query(SafetyServers.endpoint(verbose),
          "SELECT * WHERE { ?s ?p \"" + marker + "\" }", "text/csv", Duration.ofSeconds(10)));
      assertTrue(logged.contains(marker), logged);
    } finally {
      verbose.stop();
    }
  }

  @Test
  void bindingEveryInterfaceWarns() {
    for (String h : List.of("0.0.0.0", "::", "[::]"))
      assertTrue(SoveconServer.bindWarning(h).orElse("").contains("every interface"), h);
    assertTrue(SoveconServer.bindWarning("127.0.0.1").isEmpty());
    assertTrue(SoveconServer.bindWarning("localhost").isEmpty());
  }

  private static String logDuring(Runnable r) throws InterruptedException {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
      Thread.sleep(300);
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
