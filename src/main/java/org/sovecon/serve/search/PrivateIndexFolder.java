package org.sovecon.serve.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sovecon.store.PrivateFolder;

/**
 * A folder of this process's own holding the build's text index, for Lucene to open in place
 * (memory-mapped, off the heap) rather than copy onto the heap. Lucene's writer takes a lock in its
 * folder and may delete files no commit names, so it must not open the build's folder itself: several
 * servers may serve one build, and the build stays as it was written. Lucene never changes a file it
 * has written, so hard links to the build's files are as good as copies and cost neither time nor
 * space; across file systems the files are copied. The folder is a {@link PrivateFolder}: it goes when
 * the process exits, and one left by a process that was killed is removed by the next server that starts.
 *
 * <pre>
 *   Path mine = PrivateIndexFolder.of(buildDir.resolve("text-index"));
 * </pre>
 */
final class PrivateIndexFolder {
  private PrivateIndexFolder() {}

  private static final String PREFIX = "sovecon-text-index-";

  static Path of(Path buildIndex) {
    Path mine = PrivateFolder.create(PREFIX);
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
      return mine;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the text index " + buildIndex + ": " + e.getMessage(), e);
    }
  }
}
