package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovecon.SafetyServers.Reply;
import org.sovecon.serve.ServeOptions;

/**
 * The catalogued queries of queries/wikidata/ follow skos:exactMatch into Wikidata with SERVICE.
 * Here Wikidata's query service is played by a second Fuseki on loopback serving a small file in
 * Wikidata's own RDF form (src/test/resources/wikidata/wikidata-sample.ttl). Each query is run, as
 * written except for the SERVICE IRI, over HTTP on a sovecon server started with --service-allow
 * naming the stand-in; its {@code # expect:} lines must hold in the rows that come back. A server
 * with the default settings refuses the stand-in: by default only Wikidata's endpoint may be called.
 */
class WikidataFederationIT {
  static final String WIKIDATA = "<https://query.wikidata.org/sparql>";
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(\\w+)\\s*=\\s*(.+?)\\s*$");
  static FusekiServer standIn, sovecon, byDefault;
  static String standInEndpoint;

  @BeforeAll
  static void start() throws IOException {
    var sample = RDFDataMgr.loadDataset(TestProjects.resource("wikidata/wikidata-sample.ttl").toString());
    standIn = FusekiServer.create().loopback(true).port(0).add("/wikidata", sample, false).build();
    standIn.start();
    standInEndpoint = "http://127.0.0.1:" + standIn.getHttpPort() + "/wikidata/sparql";
    sovecon = SafetyServers.start(ServeOptions.defaults().withServiceAllow(List.of(standInEndpoint))
        .withServiceTimeout(Duration.ofSeconds(10)));
    byDefault = SafetyServers.start(ServeOptions.defaults());
  }

  @AfterAll
  static void stop() {
    if (sovecon != null) sovecon.stop();
    if (byDefault != null) byDefault.stop();
    if (standIn != null) standIn.stop();
  }

  static Stream<Path> queries() throws IOException {
    try (Stream<Path> s = Files.list(TestProjects.repoRoot().resolve("queries/wikidata"))) {
      return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList().stream();
    }
  }

  /** The query with only its SERVICE IRI changed, to the stand-in. */
  static String againstStandIn(String text) {
    assertTrue(text.contains(WIKIDATA), "the query calls Wikidata's endpoint");
    String rewritten = text.replace(WIKIDATA, "<" + standInEndpoint + ">");
    assertFalse(rewritten.contains(WIKIDATA));
    return rewritten;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void eachCataloguedQueryFollowsTheLinksIntoWikidata(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String[]> expects = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = EXPECT.matcher(line);
      if (m.matches()) expects.add(new String[] {m.group(1), m.group(2)});
    }
    assertFalse(expects.isEmpty(), file.getFileName() + " says nothing about its answer");
    Reply r = SafetyServers.query(SafetyServers.endpoint(sovecon), againstStandIn(text), "application/sparql-results+json",
        Duration.ofSeconds(60));
    assertEquals(200, r.status(), r.toString());
    List<QuerySolution> rows = new ArrayList<>();
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
    rs.forEachRemaining(rows::add);
    assertFalse(rows.isEmpty(), file.getFileName() + ": no rows");
    for (String[] e : expects)
      assertTrue(rows.stream().anyMatch(row -> row.contains(e[0]) && shown(row.get(e[0])).equals(e[1])),
          () -> file.getFileName() + ": no row with ?" + e[0] + " = " + e[1] + " in " + r.body());
    assertFalse(r.body().contains("Fixture-Q1.jpg") || r.body().contains("\"0000001\"") || r.body().contains("1900-01-01"),
        "an item no entity links to never shows up: " + r.body());
  }

  @Test
  void lifeDatesComeBackForEveryLinkedPersonTheStandInKnows() throws IOException {
    String text = Files.readString(TestProjects.repoRoot().resolve("queries/wikidata/1-life-dates.rq"), StandardCharsets.UTF_8);
    Reply r = SafetyServers.query(SafetyServers.endpoint(sovecon), againstStandIn(text), "text/csv", Duration.ofSeconds(60));
    assertEquals(200, r.status(), r.toString());
    List<String> people = new ArrayList<>();
    for (String line : r.body().split("\r?\n")) if (line.startsWith("https://w3id.org/sovecon/id/"))
      people.add(line.substring("https://w3id.org/sovecon/id/".length(), line.indexOf(',')));
    // In order of birth; Lenin twice, as two texts give his death to the month and to the day.
    assertEquals(List.of("lenin", "stalin", "trotsky", "bukharin"), people.stream().distinct().toList(), r.body());
    assertTrue(r.body().contains("1924-01-21T00:00:00Z,,1924-01-21"), "Wikidata's date beside the text's: " + r.body());
  }

  @Test
  void byDefaultOnlyWikidatasEndpointMayBeCalled() throws IOException {
    assertEquals(List.of("https://query.wikidata.org/sparql"), ServeOptions.defaults().serviceAllow());
    String text = Files.readString(TestProjects.repoRoot().resolve("queries/wikidata/2-images.rq"), StandardCharsets.UTF_8);
    Reply r = SafetyServers.query(SafetyServers.endpoint(byDefault), againstStandIn(text), "application/sparql-results+json",
        Duration.ofSeconds(30));
    assertEquals(400, r.status(), r.toString());
    assertTrue(r.body().contains("https://query.wikidata.org/sparql"), "the refusal names the allowed endpoint: " + r);
  }

  private static String shown(RDFNode n) {
    if (n.isLiteral()) return n.asLiteral().getLexicalForm();
    if (n.isURIResource()) {
      String u = n.asResource().getURI();
      return u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1);
    }
    return n.toString();
  }
}
