package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.SafetyServers.Reply;
import org.sovecon.store.StoreReader;

/**
 * The ./sovecon launcher bounds the heap and ends the JVM on OutOfMemoryError: a query that exhausts
 * memory stops the server (exit 3) instead of leaving a process that listens and answers nothing.
 * A server it starts answers at once, searches included.
 */
class LauncherIT {
  @TempDir Path tmp;
  @TempDir static Path shared;
  private static Path sharedStore;

  /** The repository's data built once for the tests that only serve or query it (closed, so a server can open it). */
  static synchronized Path builtStore() throws Exception {
    if (sharedStore == null) {
      StoreReader.close(TestProjects.builtStore(shared));
      sharedStore = shared.resolve("store");
    }
    return sharedStore;
  }

  static ProcessBuilder launcher(String javaOpts, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(TestProjects.repoRoot().resolve("sovecon").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SOVECON_JAVA_OPTS", javaOpts);
    pb.environment().remove("SOVECON_HEAP");
    pb.environment().remove("MALLOC_ARENA_MAX");
    return pb;
  }

  @Test
  void theLauncherBoundsTheHeapAndExitsOnOutOfMemory() throws Exception {
    Process p = launcher("-XX:+PrintFlagsFinal", "--version").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor());
    assertTrue(out.matches("(?s).*\\bMaxHeapSize\\s+= 2147483648\\b.*"), "a 2 GiB heap by default (a build; serve and query size it from the store)");
    assertTrue(out.matches("(?s).*\\bExitOnOutOfMemoryError\\s+= true\\b.*"), "exit on OutOfMemoryError");
  }

  @Test
  void servingAndQueryingSizeTheHeapFromTheStore() throws Exception {
    Path store = builtStore();
    Process p = launcher("-XX:+PrintFlagsFinal", "query", "--store", store.toString(), "ASK {}").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bMaxHeapSize\\s+= (\\d+)").matcher(out);
    assertTrue(m.find(), out);
    long mib = Long.parseLong(m.group(1)) >> 20;
    // 256 MiB plus an eighth of the store's size on disk (du: TDB2's files are sparse), below the 2 GiB cap,
    // with the serial collector.
    Process du = new ProcessBuilder("du", "-sk", store.resolve("current/tdb2").toString()).start();
    long storeMib = Long.parseLong(new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\s")[0]) / 1024;
    long expected = Math.min(2048, 256 + storeMib / 8);
    assertTrue(Math.abs(mib - expected) <= 8 && mib < 2048, "heap " + mib + " MiB for a store of " + storeMib + " MiB");
    assertTrue(out.matches("(?s).*\\bUseSerialGC\\s+= true\\b.*"), "the serial collector for serve and query");
    // The heap starts at 96 MiB and grows with the live set, instead of committing 1/64 of the machine
    // at once; its young generation is 64 MiB, so a heavy query's intermediate results die young.
    assertTrue(out.matches("(?s).*\\bInitialHeapSize\\s+= 100663296\\b.*"), "a 96 MiB initial heap");
    assertTrue(out.matches("(?s).*\\bNewSize\\s+= 67108864\\b.*"), "a 64 MiB young generation");
    // After a full collection the heap keeps 10-30% free, not Java's 40-70%.
    assertTrue(out.matches("(?s).*\\bMinHeapFreeRatio\\s+= 10\\b.*"), "at least 10% free after a collection");
    assertTrue(out.matches("(?s).*\\bMaxHeapFreeRatio\\s+= 30\\b.*"), "at most 30% free after a collection");
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
  }

  /** Waits until the server's log says it is serving. */
  static void awaitServing(Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(log).contains("serving in")) {
      if (!p.isAlive()) fail("serve exited early:\n" + Files.readString(log));
      if (System.nanoTime() > deadline) fail("serve did not start:\n" + Files.readString(log));
      Thread.sleep(20);
    }
  }

  @Test
  void aSearchAskedAsSoonAsTheServerStartsIsAnswered() throws Exception {
    int port = freePort();
    Path log = tmp.resolve("serve.log");
    Process p = launcher("", "serve", "--no-build", "--store", builtStore().toString(), "--port", String.valueOf(port),
        "--warm-up", "0").redirectOutput(log.toFile()).start();
    try {
      awaitServing(p, log);
      // The launcher execs the JVM (same PID): a server runs with two malloc arenas, not eight per core.
      String environ = Files.readString(Path.of("/proc/" + p.pid() + "/environ"), StandardCharsets.ISO_8859_1);
      assertTrue(java.util.Arrays.asList(environ.split("\0")).contains("MALLOC_ARENA_MAX=2"), "the server's environment");
      // Native copies of socket writes over 256 KiB are freed at once, not kept per thread.
      String cmdline = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline"), StandardCharsets.ISO_8859_1);
      assertTrue(java.util.Arrays.asList(cmdline.split("\0")).contains("-Djdk.nio.maxCachedBufferSize=262144"), cmdline);
      String endpoint = "http://127.0.0.1:" + port + "/sovecon/sparql";
      // The text index is opened in the background once the server is idle; this search comes first
      // and must wait for it rather than fail or find nothing.
      Reply search = SafetyServers.query(endpoint, "PREFIX text: <http://jena.apache.org/text#> "
          + "SELECT ?s WHERE { ?s text:query 'Osvok' }", "text/csv", Duration.ofSeconds(60));
      assertEquals(200, search.status(), search.toString());
      assertTrue(search.body().contains("https://w3id.org/sovecon/id/osvok"), search.toString());
      Reply count = SafetyServers.query(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://w3id.org/sovecon/ontology#Person> }",
          "text/csv", Duration.ofSeconds(60));
      assertEquals(200, count.status(), count.toString());
      assertTrue(count.body().strip().matches("(?s)n\\s+[1-9]\\d*"), count.toString());
      // The start is timed from the JVM's own start, not from somewhere inside the command.
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("serving in (\\d+\\.\\d) s").matcher(Files.readString(log));
      assertTrue(m.find(), Files.readString(log));
      assertTrue(Double.parseDouble(m.group(1)) > 0, Files.readString(log));
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
      p.destroyForcibly();
    }
  }

  @Test
  void aQueryThatExhaustsTheHeapEndsTheProcessCleanly() throws Exception {
    int port = freePort();
    Path log = tmp.resolve("serve.log");
    Process p = launcher("-Xmx160m", "serve", "--no-build", "--store", builtStore().toString(),
        "--port", String.valueOf(port), "--timeout", "600")
        .redirectOutput(log.toFile()).start();
    try {
      awaitServing(p, log);
      // GROUP_CONCAT builds one string in memory (nothing spills to disk): over a cartesian product it
      // outgrows any heap, and the doubling of its buffer fails at once rather than after a slow GC crawl.
      Reply r = SafetyServers.query("http://127.0.0.1:" + port + "/sovecon/sparql",
          "SELECT (GROUP_CONCAT(STR(?c)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f }", "text/csv", Duration.ofSeconds(240));
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process is still alive after running out of memory: " + r);
      assertEquals(3, p.exitValue(), Files.readString(log));
      assertTrue(Files.readString(log).contains("OutOfMemoryError"), Files.readString(log));
    } finally {
      p.destroyForcibly();
    }
  }
}
