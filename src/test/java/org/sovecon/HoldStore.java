package org.sovecon;

import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.sovecon.store.StoreReader;

/**
 * Run in a child JVM by tests: opens a TDB2 database the way a server (or a build writing it) does,
 * says "holding" on stdout, and keeps it open until killed.
 */
public final class HoldStore {
  public static void main(String[] args) throws InterruptedException {
    Dataset ds = StoreReader.open(Path.of(args[0]));
    long n = Txn.calculateRead(ds, () -> ds.asDatasetGraph().stream().count());
    System.out.println("holding " + n);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Starts a child JVM holding {@code tdb2Dir}; returns once the database is open. */
  public static Process start(Path tdb2Dir) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), tdb2Dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
    String line = in.readLine();
    if (line == null || !line.startsWith("holding")) {
      p.destroyForcibly();
      throw new IllegalStateException("the child JVM did not open " + tdb2Dir + ": " + line);
    }
    return p;
  }

  /** kill -9, and wait until the process is gone (the kernel has then dropped its locks). */
  public static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }
}
