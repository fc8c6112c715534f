package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.sovecon.serve.LoadTest;
import org.sovecon.serve.LoadTest.Call;
import org.sovecon.serve.LoadTest.Phase;
import org.sovecon.serve.ServeOptions;

/**
 * A short run of {@code ./sovecon loadtest}: 8 clients run the whole query catalogue for 5 s, then
 * again with 2 clients sending runaway queries. Every catalogue query answers; every runaway ends with
 * a 503 at the timeout. The latency figures are printed, not asserted (the machine is shared); the
 * documented run in docs/safety.md compares them.
 */
class LoadTestIT {
  /** Long enough for the catalogue's heaviest query with 8 clients on a busy 2-core machine. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void theCatalogueAnswersUnderLoadAndRunawaysEndAtTheTimeout() throws Exception {
    FusekiServer server = SafetyServers.start(ServeOptions.defaults().withTimeout(TIMEOUT).withServiceAllow(List.of()));
    try {
      URI endpoint = URI.create(SafetyServers.endpoint(server));
      List<String> catalogue = LoadTest.catalogue(TestProjects.repoRoot().resolve("queries"));
      assertTrue(catalogue.size() >= 50, "the catalogue: " + catalogue.size());
      Phase quiet = LoadTest.run(endpoint, catalogue, 8, Duration.ofSeconds(5), 0);
      Phase loud = LoadTest.run(endpoint, catalogue, 8, Duration.ofSeconds(5), 2);
      System.out.println("loadtest quiet:         " + quiet.summary());
      System.out.println("loadtest with runaways: " + loud.summary());
      System.out.println("loadtest runaways: " + loud.runaways().stream().map(c -> c.status() + "/" + c.millis() + "ms").toList());
      assertEquals(0, quiet.errors(), quiet.errorSamples().toString());
      assertEquals(0, loud.errors(), loud.errorSamples().toString());
      assertFalse(loud.runaways().isEmpty());
      for (Call c : loud.runaways()) {
        assertEquals(503, c.status(), c.toString());
        assertTrue(c.millis() >= TIMEOUT.toMillis() - 200 && c.millis() <= TIMEOUT.toMillis() + 8000, c.toString());
      }
    } finally {
      server.stop();
    }
  }
}
