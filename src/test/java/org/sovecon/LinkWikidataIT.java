package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;
import org.sovecon.check.ProblemReporter;
import org.sovecon.cli.Main;
import org.sovecon.link.WikidataCandidates;
import org.sovecon.store.InputDigest;
import org.sovecon.store.StoreLayout;
import org.sovecon.store.StoreWriter;
import picocli.CommandLine;

/**
 * {@code ./sovecon link wikidata} on the fixture's store, against a stub of Wikidata's API on
 * loopback that serves answers in the API's own form (src/test/resources/wikidata/wbsearchentities/),
 * and against a port where nothing listens (offline).
 */
class LinkWikidataIT {
  @TempDir static Path tmp;
  static ProjectLayout project;
  static HttpServer stub;
  static String api;
  static final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  static final List<String> userAgents = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    project = TestProjects.fixture(tmp.resolve("project"), null);
    var problems = ProblemReporter.collecting();
    var r = GraphBuild.create().project(project).reporter(problems).run();
    assertTrue(r.ok(), problems.problems().toString());
    StoreWriter.write(r, new StoreLayout(project.storeDir()), InputDigest.of(project));
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext("/w/api.php", ex -> {
      Map<String, String> q = new HashMap<>();
      for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
        int eq = kv.indexOf('=');
        q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
      requests.add(q);
      userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
      String search = q.getOrDefault("search", "");
      var recorded = LinkWikidataIT.class.getResourceAsStream("/wikidata/wbsearchentities/search-" + search + ".json");
      byte[] body = recorded != null ? recorded.readAllBytes()
          : ("{\"searchinfo\":{\"search\":\"" + search.replace("\"", "") + "\"},\"search\":[],\"success\":1}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    stub.start();
    api = "http://127.0.0.1:" + stub.getAddress().getPort() + "/w/api.php";
  }

  @AfterAll
  static void stop() {
    if (stub != null) stub.stop(0);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter(), err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] all = Stream.concat(Stream.of("link", "wikidata", "--root", project.root().toString(),
        "--data", project.dataDir().toString(), "--no-sources", "--pause", "0"), Stream.of(args)).toArray(String[]::new);
    int exit = cl.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  static String digest(Path dir) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        md.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(p));
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @Test
  void candidatesFromTheApiGoToTheReviewFileAndNeverIntoData() throws Exception {
    String before = digest(project.dataDir());
    Path review = tmp.resolve("review/wikidata-candidates.csv");
    requests.clear();
    Run r = run("--api", api, "--kind", "Organisation", "--out", review.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(before, digest(project.dataDir()), "data/ is untouched");
    List<CSVRecord> rows;
    try (Reader in = Files.newBufferedReader(review, StandardCharsets.UTF_8)) {
      rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
    // The fixture's four bodies by their English labels, and the council by its Russian one too.
    assertEquals(5, requests.size(), requests.toString());
    assertTrue(requests.stream().allMatch(q -> "wbsearchentities".equals(q.get("action")) && "item".equals(q.get("type"))));
    assertTrue(requests.stream().anyMatch(q -> "Высший совет".equals(q.get("search")) && "ru".equals(q.get("language"))));
    assertTrue(userAgents.stream().allMatch(u -> u != null && u.startsWith("sovecon-link/")), userAgents.toString());
    assertEquals(3, rows.size(), rows.toString());
    CSVRecord best = rows.stream().filter(x -> x.get("qid").equals("Q4115189") && x.get("language").equals("en")).findFirst().orElseThrow();
    assertEquals("council", best.get("entity"));
    assertEquals("100", best.get("name_score"));
    assertEquals(WikidataCandidates.UNREVIEWED, best.get("status"));
    CSVRecord alias = rows.stream().filter(x -> x.get("qid").equals("Q13406268")).findFirst().orElseThrow();
    assertEquals("alias", alias.get("matched_on"));
    assertTrue(r.out().contains("wrote 3 candidates"), r.out());
  }

  @Test
  void offlineItSaysSoAndExitsZeroWithoutWriting() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Path review = tmp.resolve("offline/candidates.csv");
    Run r = run("--api", "http://127.0.0.1:" + closed + "/w/api.php", "--out", review.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("offline: cannot reach"), r.out());
    assertFalse(Files.exists(review), "nothing written offline");
  }

  @Test
  void aReviewFileInsideDataIsRefused() {
    Run r = run("--api", api, "--out", project.dataDir().resolve("candidates.csv").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("inside the data directory"), r.err());
    assertFalse(Files.exists(project.dataDir().resolve("candidates.csv")));
  }
}
