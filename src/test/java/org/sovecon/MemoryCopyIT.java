package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.serve.ServeOptions;
import org.sovecon.serve.SoveconServer;
import org.sovecon.store.MemoryCopy;
import org.sovecon.store.StoreReader;

/**
 * {@code serve --in-memory}: the store copied into memory (from the RDF Thrift file the build writes
 * beside the database, or from the database itself) answers every catalogue query exactly as the
 * TDB2 store does (rows compared as sets, variables by name), and serves over HTTP.
 */
class MemoryCopyIT {
  @TempDir static Path tmp;
  static Dataset store;
  static Dataset memory;

  @BeforeAll
  static void build() throws Exception {
    store = TestProjects.builtStore(tmp);
    // What serve --in-memory reads: the RDF Thrift file the build wrote beside the database.
    Path db = Path.of(TDBInternal.getDatabaseContainer(store.asDatasetGraph()).getLocation().getDirectoryPath());
    Path image = MemoryCopy.besideDatabase(db)
        .orElseThrow(() -> new AssertionError("the build wrote no " + MemoryCopy.FILE + " beside " + db));
    memory = MemoryCopy.read(image);
  }

  @AfterAll
  static void close() {
    if (store != null) StoreReader.close(store);
  }

  @Test
  void theCopyHoldsEveryQuadAndTheUnion() {
    long quads = MemoryCopy.quads(store);
    assertTrue(quads > 100_000, "the real graph: " + quads);
    assertEquals(quads, MemoryCopy.quads(memory));
    long union = Txn.calculateRead(store, () -> store.asDatasetGraph().getUnionGraph().size());
    assertEquals(union, memory.asDatasetGraph().getDefaultGraph().size(), "the default graph is the union, distinct");
    // A store built before the build wrote the file is copied quad by quad from TDB2, to the same effect.
    Dataset copied = MemoryCopy.of(store);
    assertEquals(quads, MemoryCopy.quads(copied));
    assertEquals(union, copied.asDatasetGraph().getDefaultGraph().size());
    Txn.executeRead(store, () -> store.asDatasetGraph().listGraphNodes().forEachRemaining(g ->
        assertEquals(store.asDatasetGraph().getGraph(g).size(), memory.asDatasetGraph().getGraph(g).size(), "graph " + g)));
  }

  @Test
  void everyCatalogueQueryAnswersAsTheStoreDoes() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(TestProjects.repoRoot().resolve("queries"))) {
      files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
    }
    int compared = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      // SERVICE needs the network; text:query needs the text index the server puts over either store.
      if (text.contains("SERVICE") || text.contains("text:query")) continue;
      Query q = QueryFactory.create(text);
      if (!q.isSelectType()) continue;
      List<String> fromStore = Txn.calculateRead(store, () -> rows(store, q));
      List<String> fromMemory = rows(memory, q);
      assertEquals(fromStore, fromMemory, f.toString());
      compared++;
    }
    assertTrue(compared > 50, "catalogue queries compared: " + compared);
  }

  @Test
  void theCopyIsServedOverHttp() {
    FusekiServer server = SoveconServer.create(memory, ServeOptions.defaults().withPort(0));
    server.start();
    try {
      SafetyServers.Reply r = SafetyServers.query("http://127.0.0.1:" + server.getHttpPort() + "/sovecon/sparql",
          "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/sovecon/ontology#Person> }", "text/csv", Duration.ofSeconds(60));
      assertTrue(r.ok(), r.toString());
      assertTrue(Long.parseLong(r.body().strip().split("\\R")[1].strip()) > 100, r.body());
    } finally {
      server.stop();
    }
  }

  /** GROUP_CONCAT (shared-entities.rq, separator " | ") joins its values in whatever order the store yields them. */
  private static String concatenatedInAnyOrder(String value) {
    if (!value.contains(" | ")) return value;
    return java.util.Arrays.stream(value.split(" \\| ")).sorted().collect(java.util.stream.Collectors.joining(" | "));
  }

  /** Each row as variable=value pairs in name order; rows sorted unless the query orders them. */
  private static List<String> rows(Dataset ds, Query q) {
    List<String> out = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
      qe.execSelect().forEachRemaining(sol -> {
        TreeMap<String, String> m = new TreeMap<>();
        sol.varNames().forEachRemaining(v -> m.put(v, sol.get(v).isLiteral()
            ? concatenatedInAnyOrder(sol.getLiteral(v).getLexicalForm()) + "^^" + sol.getLiteral(v).getDatatypeURI()
            : String.valueOf(sol.get(v))));
        out.add(m.toString());
      });
    }
    out.sort(null); // ties under ORDER BY may come in either order

    return out;
  }
}
