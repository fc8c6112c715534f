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
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.SafetyServers.Reply;
import org.sovecon.store.StoreReader;

/**
 * The ./sovecon launcher bounds the heap and ends the JVM on OutOfMemoryError: a query that exhausts
 * memory stops the server (exit 3) instead of leaving a process that listens and answers nothing.
 */
class LauncherIT {
  @TempDir Path tmp;

  static ProcessBuilder launcher(String javaOpts, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(TestProjects.repoRoot().resolve("sovecon").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SOVECON_JAVA_OPTS", javaOpts);
    pb.environment().remove("SOVECON_HEAP");
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
    Dataset ds = TestProjects.builtStore(tmp);
    StoreReader.close(ds);
    Process p = launcher("-XX:+PrintFlagsFinal", "query", "--store", tmp.resolve("store").toString(), "ASK {}").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bMaxHeapSize\\s+= (\\d+)").matcher(out);
    assertTrue(m.find(), out);
    long mib = Long.parseLong(m.group(1)) >> 20;
    // 256 MiB plus an eighth of the store's size on disk (du: TDB2's files are sparse), below the 2 GiB cap,
    // with the serial collector.
    Process du = new ProcessBuilder("du", "-sk", tmp.resolve("store/current/tdb2").toString()).start();
    long storeMib = Long.parseLong(new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\s")[0]) / 1024;
    long expected = Math.min(2048, 256 + storeMib / 8);
    assertTrue(Math.abs(mib - expected) <= 8 && mib < 2048, "heap " + mib + " MiB for a store of " + storeMib + " MiB");
    assertTrue(out.matches("(?s).*\\bUseSerialGC\\s+= true\\b.*"), "the serial collector for serve and query");
    // The heap starts at 96 MiB and grows with the live set, instead of committing 1/64 of the machine
    // at once; its young generation is 64 MiB, so a heavy query's intermediate results die young.
    assertTrue(out.matches("(?s).*\\bInitialHeapSize\\s+= 100663296\\b.*"), "a 96 MiB initial heap");
    assertTrue(out.matches("(?s).*\\bNewSize\\s+= 67108864\\b.*"), "a 64 MiB young generation");
  }

  @Test
  void aQueryThatExhaustsTheHeapEndsTheProcessCleanly() throws Exception {
    Dataset ds = TestProjects.builtStore(tmp);
    StoreReader.close(ds); // release the store's lock for the server process
    int port;
    try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
    Path log = tmp.resolve("serve.log");
    Process p = launcher("-Xmx160m", "serve", "--no-build", "--store", tmp.resolve("store").toString(),
        "--port", String.valueOf(port), "--timeout", "600")
        .redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("serving in")) {
        if (!p.isAlive()) fail("serve exited early:\n" + Files.readString(log));
        if (System.nanoTime() > deadline) fail("serve did not start:\n" + Files.readString(log));
        Thread.sleep(200);
      }
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
