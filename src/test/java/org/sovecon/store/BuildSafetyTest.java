package org.sovecon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.HoldStore;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;
import org.sovecon.check.ProblemReporter;
import org.sovecon.cli.Main;
import picocli.CommandLine;

/**
 * Builds clean up after themselves whatever stops them, and never remove a build another process
 * has open. The other processes are real: child JVMs that open a build as a server does.
 */
class BuildSafetyTest {
  @TempDir Path tmp;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : children) HoldStore.kill(p);
  }

  private Process hold(Path tdb2) throws IOException {
    Process p = HoldStore.start(tdb2);
    children.add(p);
    return p;
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private static List<String> builds(StoreLayout store) throws IOException {
    try (Stream<Path> s = Files.list(store.builds())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static GraphBuild.Result graph(ProjectLayout layout) {
    var r = GraphBuild.create().project(layout).reporter(ProblemReporter.collecting()).infer(false).run();
    assertTrue(r.ok());
    return r;
  }

  /** A disk that fills up during the load, the way TDB2's memory maps report it: an InternalError and no free space. */
  private static StoreWriter.Disk fullDisk(Throwable failure) {
    return new StoreWriter.Disk() {
      @Override
      public void load(DatasetGraph dsg, Path quads) {
        StoreWriter.Disk.REAL.load(dsg, quads);
        if (failure instanceof Error e) throw e;
        throw (RuntimeException) failure;
      }

      @Override
      public long usableSpace(Path dir) {
        return failure instanceof Error ? 0 : 50L << 30;
      }
    };
  }

  @Test
  void fullDiskIsReportedAsSuchAndLeavesNoPartial() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    StoreLayout store = new StoreLayout(layout.storeDir());
    var r = graph(layout);
    Path first = StoreWriter.write(r, store, "d1");
    var e = assertThrows(StoreFullException.class, () -> StoreWriter.write(r, store, "d2",
        fullDisk(new InternalError("a fault occurred in an unsafe memory access operation"))));
    assertTrue(e.getMessage().startsWith("the disk holding " + store.root() + " is full (0 MiB free"), e.getMessage());
    assertEquals(List.of(first.getFileName().toString()), builds(store), "no .partial left, the store in use kept");
    assertEquals(first, store.current().orElseThrow());

    // The cause named by the operating system, whatever the free space says now.
    var e2 = assertThrows(StoreFullException.class, () -> StoreWriter.write(r, store, "d3",
        fullDisk(new UncheckedIOException(new IOException("No space left on device")))));
    assertTrue(e2.getMessage().contains("is full"));
    assertEquals(List.of(first.getFileName().toString()), builds(store));
  }

  @Test
  void anErrorThatIsNotAFullDiskStillRemovesThePartial() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    StoreLayout store = new StoreLayout(layout.storeDir());
    var r = graph(layout);
    var disk = new StoreWriter.Disk() {
      @Override
      public void load(DatasetGraph dsg, Path quads) {
        throw new OutOfMemoryError("Java heap space");
      }

      @Override
      public long usableSpace(Path dir) {
        return 50L << 30;
      }
    };
    assertThrows(OutOfMemoryError.class, () -> StoreWriter.write(r, store, "d", disk));
    assertEquals(List.of(), builds(store));
  }

  @Test
  void killedBuildsPartialIsRemovedByTheNextBuild() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    StoreLayout store = new StoreLayout(layout.storeDir());
    String[] build = {"build", "--data", layout.dataDir().toString(), "--store", layout.storeDir().toString(), "--no-sources"};
    // A build under way in another process: it has its partial database open.
    Path partial = store.builds().resolve("20200101-000000-000.partial");
    Process writer = hold(partial.resolve("tdb2"));
    // A build under way whose database is not open yet: its writer (this JVM) is alive.
    Path starting = store.builds().resolve("20200101-000000-003-p" + ProcessHandle.current().pid() + ".partial");
    Files.createDirectories(starting);
    // Leftovers of a build from before partials carried their writer's pid, and of a writer that is gone.
    Files.createDirectories(store.builds().resolve("20200101-000000-001.partial/tdb2"));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path dead = store.builds().resolve("20200101-000000-002-p" + gone.pid() + ".partial");
    Files.createDirectories(dead.resolve("tdb2"));

    assertEquals(0, run(new StringWriter(), new StringWriter(), build));
    assertTrue(Files.isDirectory(partial), "a partial a live process is writing is left alone");
    assertTrue(Files.isDirectory(starting), "a partial whose writer is alive is left alone");
    assertFalse(Files.exists(store.builds().resolve("20200101-000000-001.partial")));
    assertFalse(Files.exists(dead));

    HoldStore.kill(writer); // kill -9 mid-build
    assertEquals(0, run(new StringWriter(), new StringWriter(), build));
    assertFalse(Files.exists(partial), "the killed build's partial is removed at the next start");
    assertEquals(List.of(starting.getFileName().toString()), builds(store).stream().filter(b -> b.endsWith(".partial")).toList());
  }

  @Test
  void aBuildNeverRemovesTheBuildARunningServerHasOpen() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    StoreLayout store = new StoreLayout(layout.storeDir());
    String[] build = {"build", "--data", layout.dataDir().toString(), "--store", layout.storeDir().toString(), "--no-sources"};
    assertEquals(0, run(new StringWriter(), new StringWriter(), build));
    Path served = store.current().orElseThrow();
    Process server = hold(served.resolve("tdb2"));
    for (int i = 0; i < 3; i++) assertEquals(0, run(new StringWriter(), new StringWriter(), build));
    assertTrue(Files.isDirectory(served.resolve("tdb2")), "the server's build survives later builds");
    assertEquals(3, builds(store).size(), "the current build, the one before it and the served one: " + builds(store));
    assertTrue(server.isAlive());

    HoldStore.kill(server);
    assertEquals(0, run(new StringWriter(), new StringWriter(), build));
    assertFalse(Files.exists(served), "once no process holds it, the old build goes");
    assertEquals(2, builds(store).size());
  }

  @Test
  void readCommandsWorkWhileAServerHasTheStoreOpen() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    StoreLayout store = new StoreLayout(layout.storeDir());
    String[] opts = {"--data", layout.dataDir().toString(), "--store", layout.storeDir().toString(), "--no-sources"};
    assertEquals(0, run(new StringWriter(), new StringWriter(), cat(new String[] {"build"}, opts)));
    Process server = hold(store.currentDatabase().orElseThrow());

    StringWriter out = new StringWriter(), err = new StringWriter();
    var stdout = new java.io.ByteArrayOutputStream();
    var saved = System.out;
    System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(0, run(out, err, cat(new String[] {"query", "--format", "csv", "SELECT ?l WHERE { sv:commission rdfs:label ?l }"}, opts)), err.toString());
    } finally {
      System.setOut(saved);
    }
    assertEquals("l\r\nSpecial Commission\r\n", stdout.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(err.toString().contains("process " + server.pid() + " (a running ./sovecon serve?) has "), err.toString());
    assertFalse(err.toString().contains("Failed to get a lock"));

    out = new StringWriter();
    assertEquals(0, run(out, new StringWriter(), cat(new String[] {"stats", "--json"}, opts)));
    assertTrue(out.toString().contains("\"triples\""), out.toString());
    out = new StringWriter();
    assertEquals(0, run(out, new StringWriter(), cat(new String[] {"coverage", "--json"}, opts)));
    assertTrue(out.toString().contains("\"testsrc\""), out.toString());
    Path file = tmp.resolve("all.nt");
    assertEquals(0, run(new StringWriter(), new StringWriter(), cat(new String[] {"export", file.toString()}, opts)));
    assertTrue(Files.size(file) > 1000);
    assertTrue(server.isAlive());
  }

  private static String[] cat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
