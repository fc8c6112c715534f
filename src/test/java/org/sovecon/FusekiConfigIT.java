package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.build.ProjectLayout;
import org.sovecon.cli.Main;
import picocli.CommandLine;

/** fuseki-config/sovecon.ttl serves a built store read-only with a stock Fuseki setup. */
class FusekiConfigIT {
  @TempDir Path tmp;

  @Test
  void configServesTheStoreReadOnly() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    assertEquals(0, cl.execute("build", "--data", layout.dataDir().toString(), "--store", layout.storeDir().toString(), "--no-sources"));

    // The config names the store relative to the repository root; point it at this test's store.
    String config = Files.readString(TestProjects.repoRoot().resolve("fuseki-config/sovecon.ttl"))
        .replace("\"store/current/tdb2\"", "\"" + layout.storeDir().resolve("current/tdb2") + "\"")
        .replace("\"store/current/text-index\"", "\"" + layout.storeDir().resolve("current/text-index") + "\"");
    Path configFile = Files.writeString(tmp.resolve("config.ttl"), config);

    FusekiServer server = FusekiServer.create().parseConfigFile(configFile.toString()).port(0).loopback(true).build();
    server.start();
    try {
      String base = "http://localhost:" + server.getHttpPort() + "/sovecon";
      try (QueryExecution qe = QueryExecution.service(base + "/sparql")
          .query("ASK { <https://w3id.org/sovecon/id/commission> <https://w3id.org/sovecon/ontology#partOf> <https://w3id.org/sovecon/id/council> }").build()) {
        assertTrue(qe.execAsk(), "the union default graph answers");
      }
      try (QueryExecution qe = QueryExecution.service(base + "/sparql")
          .query("ASK { <https://w3id.org/sovecon/id/council> <http://jena.apache.org/text#query> 'vysshii' }").build()) {
        assertTrue(qe.execAsk(), "the text index that build wrote answers, with the romanised Russian name");
      }
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("update=" + URLEncoder.encode("CLEAR ALL", StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(r.statusCode() >= 400, "update refused: " + r.statusCode());
    } finally {
      server.stop();
    }
  }
}
