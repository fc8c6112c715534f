package org.sovecon.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers too big for the heap's {@link AnswerCache}, kept as files in a folder of the server's own
 * (a {@link org.sovecon.store.PrivateFolder}), least recently used first out, in at most a fixed number
 * of bytes. On a graph a hundred times today's, the answers that list everything run to tens of
 * megabytes and take seconds to compute; read back from a file (from the page cache, mostly) they take
 * milliseconds, and they cost the heap nothing.
 *
 * <p>Thread-safe: one lock around the map. A kept answer is opened under the lock, so an eviction that
 * deletes its file while it is being sent does not cut the answer short (the open file stays readable).
 *
 * <pre>
 *   AnswerFiles files = AnswerFiles.in(() -> PrivateFolder.create("sovecon-answers-"), 512L << 20);
 *   Path f = files.newFile();  // write an answer into it, then
 *   files.put(key, new AnswerFiles.Entry("text/csv", etag, f, length));
 * </pre>
 */
final class AnswerFiles {
  /** A kept answer: its media type, its HTTP tag, and where its body is. */
  record Entry(String contentType, String etag, Path file, long length) {}

  /** A kept answer opened for reading; the caller closes the body. */
  record Opened(Entry entry, InputStream body) {}

  /** A store that keeps nothing. */
  static final AnswerFiles NONE = new AnswerFiles(() -> null, 0);

  private final Supplier<Path> folderMaker;
  private Path folder;
  private final long capacity;
  private final long entryLimit;
  private long used;
  private long counter;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

  /**
   * @param folder   makes the folder, at the first answer kept (a server that never keeps a big answer
   *                 makes none)
   * @param capacity bytes of answers kept at most (0 keeps nothing); one answer may take a quarter
   */
  private AnswerFiles(Supplier<Path> folder, long capacity) {
    this.folderMaker = folder;
    this.capacity = capacity;
    this.entryLimit = capacity / 4;
  }

  static AnswerFiles in(Supplier<Path> folder, long capacity) {
    return capacity <= 0 ? NONE : new AnswerFiles(folder, capacity);
  }

  boolean enabled() {
    return capacity > 0;
  }

  boolean fits(long bytes) {
    return bytes <= entryLimit;
  }

  /** A new, empty file to write an answer into; it is the caller's until {@link #put} takes it. */
  synchronized Path newFile() throws IOException {
    if (folder == null) folder = folderMaker.get();
    return Files.createFile(folder.resolve("answer-" + (++counter)));
  }

  /** The answer kept under {@code key}, opened, or null. */
  synchronized Opened open(String key) {
    Entry e = entries.get(key);
    if (e == null) return null;
    try {
      return new Opened(e, Files.newInputStream(e.file()));
    } catch (NoSuchFileException gone) {
      // Removed behind the server's back (a cleaner of the temporary folder): forget it.
      entries.remove(key);
      used -= e.length();
      return null;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Keeps {@code entry} (its file becomes the store's), evicting the least recently used as needed. */
  synchronized void put(String key, Entry entry) {
    if (!enabled() || !fits(entry.length())) {
      delete(entry.file());
      return;
    }
    Entry old = entries.put(key, entry);
    if (old != null) {
      used -= old.length();
      delete(old.file());
    }
    used += entry.length();
    var it = entries.entrySet().iterator();
    while (used > capacity && it.hasNext()) {
      Map.Entry<String, Entry> eldest = it.next();
      used -= eldest.getValue().length();
      delete(eldest.getValue().file());
      it.remove();
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the folder goes with the process anyway
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized String describe() {
    return String.format("%d answers on disk, %,d of %,d bytes", entries.size(), used, capacity);
  }
}
