package org.sovecon;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Programs outside the JVM that tests check our output with (rapper, Python with NetworkX and igraph,
 * ../shared/tools). Absent on a developer's machine, the test is skipped with the reason; absent in
 * CI (CI=true), it fails, so CI really runs the check.
 */
final class ExternalTools {
  private ExternalTools() {}

  /** What a program printed and its exit code. */
  record Run(int exit, String out, String err) {}

  static void require(boolean present, String what) {
    if (present) return;
    if ("true".equals(System.getenv("CI"))) fail(what + " is required in CI (.ci/run installs it)");
    assumeTrue(false, what + " is not installed: skipped here, required in CI");
  }

  static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path out = java.nio.file.Files.createTempFile("tool", ".out"), err = java.nio.file.Files.createTempFile("tool", ".err");
    try {
      Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail(command + " did not finish in 20 minutes");
      }
      return new Run(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
          java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      java.nio.file.Files.deleteIfExists(out);
      java.nio.file.Files.deleteIfExists(err);
    }
  }

  static boolean works(List<String> command) {
    try {
      return run(null, command).exit() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A Python 3 that can import NetworkX and igraph: Debian's first (python3-networkx, python3-igraph). */
  static Optional<String> pythonWithNetworkLibraries() {
    for (String py : List.of("/usr/bin/python3", "python3"))
      if (works(List.of(py, "-c", "import networkx, igraph"))) return Optional.of(py);
    return Optional.empty();
  }
}
