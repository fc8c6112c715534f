package org.sovecon.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder of this process's own, named by a prefix and the process id, removed when the
 * process exits; one left by a process that was killed is removed by the next that asks for a folder
 * with the same prefix. The server keeps files there that must not outlive it (links to the text
 * index, answers too big for the heap).
 *
 * <pre>
 *   Path mine = PrivateFolder.create("sovecon-answers-");
 * </pre>
 */
public final class PrivateFolder {
  private PrivateFolder() {}

  public static Path create(String prefix) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    removeAbandoned(tmp, prefix);
    try {
      Path mine = Files.createTempDirectory(tmp, prefix + ProcessHandle.current().pid() + "-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(mine), prefix + "cleanup"));
      return mine;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary folder in " + tmp + ": " + e.getMessage(), e);
    }
  }

  /** Folders of processes that are no longer running (their PID is in the name). */
  private static void removeAbandoned(Path tmp, String prefix) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
      for (Path d : dirs) {
        String rest = d.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        try {
          long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
        } catch (NumberFormatException notOurs) {
          continue;
        }
        deleteQuietly(d);
      }
    } catch (IOException | RuntimeException e) {
      // Leftovers cost only disk space; a start must not fail over them.
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: the next start retries
        }
      });
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }
}
