package org.sovecon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.ProjectLayout;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.Stages;
import org.sovecon.check.ProblemReporter;
import org.sovecon.cli.Main;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import picocli.CommandLine;

/** A build swaps in a complete store; a failed build leaves the store in use exactly as it was. */
class StoreWriterTest {
  @TempDir Path tmp;

  private int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void failedBuildKeepsTheStoreInUse() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    String[] build = {"build", "--data", layout.dataDir().toString(), "--store", layout.storeDir().toString(), "--no-sources"};
    assertEquals(0, run(new StringWriter(), build));
    StoreLayout store = new StoreLayout(layout.storeDir());
    Path first = store.current().orElseThrow();
    String digest = store.currentDigest().orElseThrow();

    Files.writeString(layout.dataDir().resolve("facts/testsrc.csv"),
        "subject,property,object,source,lines\ncommission,partOf,nowhere,testsrc,10\n");
    StringWriter err = new StringWriter();
    assertEquals(1, run(err, build));
    assertTrue(err.toString().contains("facts/testsrc.csv:2:3: unknown-reference: no entity 'nowhere' (column object)"), err.toString());
    assertTrue(err.toString().contains("the store in use was not changed"));
    assertFalse(err.toString().contains("Exception"), "no stack trace for bad input");

    assertEquals(first, store.current().orElseThrow());
    assertEquals(digest, store.currentDigest().orElseThrow());
    try (Stream<Path> s = Files.list(store.builds())) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no half-built store left behind");
    }
  }

  @Test
  void rebuildSwapsAndKeepsOnlyThePreviousBuild() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    String[] build = {"build", "--data", layout.dataDir().toString(), "--store", layout.storeDir().toString(), "--no-sources"};
    StoreLayout store = new StoreLayout(layout.storeDir());
    assertEquals(0, run(new StringWriter(), build));
    Path first = store.current().orElseThrow();
    assertEquals(0, run(new StringWriter(), build));
    assertEquals(0, run(new StringWriter(), build));
    Path third = store.current().orElseThrow();
    assertFalse(first.equals(third));
    try (Stream<Path> s = Files.list(store.builds())) {
      assertEquals(2, s.count(), "the current build and the one before it");
    }
    assertFalse(Files.exists(first));
  }

  /**
   * The build command's write loads TDB2 from the RDF Thrift file after emptying the graphs in memory
   * (so the load runs without them on the heap): every quad still reaches the database.
   */
  @Test
  void writeAndReleaseLoadsEveryQuadAndEmptiesTheGraphs() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(ProblemReporter.collecting()).infer(true).run();
    assertTrue(r.ok());
    var sizes = new java.util.LinkedHashMap<org.apache.jena.graph.Node, Long>();
    StoreWriter.graphs(r).forEach((name, g) -> sizes.put(name, g == null ? 0L : (long) g.size()));
    assertTrue(sizes.values().stream().mapToLong(Long::longValue).sum() > 1000, "the fixture has a graph to load");

    Path dir = StoreWriter.writeAndRelease(r, new StoreLayout(layout.storeDir()), "d", StoreWriter.Disk.REAL, new Stages());

    StoreWriter.graphs(r).values().forEach(g -> assertTrue(g == null || g.isEmpty(), "the graphs in memory were emptied"));
    Dataset ds = TDB2Factory.connectDataset(dir.resolve("tdb2").toString());
    try {
      Txn.executeRead(ds, () -> sizes.forEach((name, n) ->
          assertEquals(n, (long) ds.asDatasetGraph().getGraph(name).size(), "quads in " + name)));
      assertTrue(Files.isRegularFile(dir.resolve(MemoryCopy.FILE)));
    } finally {
      TDBInternal.expel(ds.asDatasetGraph());
    }
  }

  @Test
  void aFailedCopyIsReportedOnlyOnceTheTextIndexHasStopped() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(ProblemReporter.collecting()).infer(true).run();
    assertTrue(r.ok());
    Path dir = Files.createDirectories(tmp.resolve("partial"));
    // A folder where the RDF Thrift file should go: the copy fails while the index is being written.
    Files.createDirectories(dir.resolve(MemoryCopy.FILE));

    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> StoreWriter.writeIndexAndCopy(r, dir));
    assertTrue(String.valueOf(e.getMessage()).contains(MemoryCopy.FILE), e.toString());
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("sovecon-text-index") && t.isAlive()),
        "the text index's writer has stopped before the failure is reported");
    assertTrue(Files.isDirectory(dir.resolve(TextIndexFiles.DIR)), "the index was written beside it");
  }
}
