package org.sovecon.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load test's catalogue leaves out queries that call another endpoint: load stays on this server. */
class LoadTestCatalogueTest {
  @Test
  void queriesWithServiceAreLeftOut(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("wikidata"));
    Files.writeString(dir.resolve("local.rq"), "# mentions SERVICE in a comment\nSELECT ?service WHERE { ?service ?p ?o }");
    Files.writeString(dir.resolve("wikidata/1.rq"), "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }");
    Files.writeString(dir.resolve("wikidata/2.rq"), "SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }");
    List<String> catalogue = LoadTest.catalogue(dir);
    assertEquals(1, catalogue.size(), catalogue.toString());
    assertEquals(true, catalogue.get(0).startsWith("# mentions SERVICE"));
  }
}
