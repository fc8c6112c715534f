package org.sovecon.serve.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of this process's own holding the build's text index, for Lucene to open in place
 * (memory-mapped, off the heap) rather than copy onto the heap. Lucene's writer takes a lock in its
 * folder and may delete files no commit names, so it must not open the build's folder itself: several
 * servers may serve one build, and the build stays as it was written. Lucene never changes a file it
 * has written, so hard links to the build's files are as good as copies and cost neither time nor
 * space; across file systems the files are copied. The folder goes when the process exits; one left by
 * a process that was killed is removed by the next server that starts.
 *
 * <pre>
 *   Path mine = PrivateIndexFolder.of(buildDir.resolve("text-index"));
 * </pre>
 */
final class PrivateIndexFolder {
  private PrivateIndexFolder() {}

  private static final String PREFIX = "sovecon-text-index-";

  static Path of(Path buildIndex) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    removeAbandoned(tmp);
    try {
      Path mine = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(mine), "sovecon-text-index-cleanup"));
      try (DirectoryStream<Path> files = Files.newDirectoryStream(buildIndex)) {
        for (Path f : files) {
          if (!Files.isRegularFile(f) || f.getFileName().toString().equals("write.lock")) continue;
          Path link = mine.resolve(f.getFileName());
          try {
            Files.createLink(link, f);
          } catch (IOException | UnsupportedOperationException notOnThisFileSystem) {
            Files.copy(f, link);
          }
        }
      }
      return mine;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the text index " + buildIndex + ": " + e.getMessage(), e);
    }
  }

  /** Folders of servers that are no longer running (their PID is in the name). */
  private static void removeAbandoned(Path tmp) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path d : dirs) {
        String rest = d.getFileName().toString().substring(PREFIX.length());
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
      // Leftovers cost only the links; a start must not fail over them.
    }
  }

  private static void deleteQuietly(Path dir) {
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
