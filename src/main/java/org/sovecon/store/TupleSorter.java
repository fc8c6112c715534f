package org.sovecon.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sorts tuples of a fixed number of longs, compared column by column as unsigned numbers (the order of
 * a TDB2 index: its records are NodeIds compared byte by byte), in bounded memory.
 *
 * <p>Tuples are gathered into a run of at most {@code runRows}; a full run is sorted and written to a
 * file in {@code spillDir}, and the runs are merged at the end. Data that fits one run never touches the
 * disk. The sort is a multikey quicksort: it partitions three ways on one column and moves to the next
 * column only inside the equal part, which suits index tuples, whose leading columns repeat a great deal
 * (a handful of graphs, a few hundred predicates).
 *
 * <pre>
 *   try (TupleSorter s = new TupleSorter(4, 1 &lt;&lt; 20, dir)) {
 *     s.add(a); s.add(b);
 *     s.sorted().forEachRemaining(t -&gt; ...); // t is reused: copy what you keep
 *   }
 * </pre>
 */
final class TupleSorter implements AutoCloseable {
  private final int width;
  private final int runRows;
  private final Path spillDir;
  /** The run being gathered, row after row, with each value's sign bit flipped so that signed order is unsigned order. */
  private long[] run;
  private int rows;
  private final List<Path> spilled = new ArrayList<>();
  private final List<RunReader> readers = new ArrayList<>();

  /** {@code runRows} is capped so that a run is one Java array. */
  TupleSorter(int width, int runRows, Path spillDir) {
    if (width < 1) throw new IllegalArgumentException("a tuple has at least one column");
    this.width = width;
    this.runRows = Math.max(1, Math.min(runRows, (Integer.MAX_VALUE - 8) / width));
    this.spillDir = spillDir;
    this.run = new long[Math.min(this.runRows, 1 << 12) * width];
  }

  /** Adds a copy of {@code tuple}, whose length is the width. */
  void add(long[] tuple) throws IOException {
    if (rows == runRows) spill();
    int at = rows++ * width;
    // Grown by doubling up to a run: small indexes take small arrays.
    if (at == run.length) run = Arrays.copyOf(run, (int) Math.min((long) runRows * width, 2L * run.length));
    for (int c = 0; c < width; c++) run[at + c] = tuple[c] ^ Long.MIN_VALUE;
  }

  /** The tuples added, in order. Call once, after the last {@link #add}; each next() overwrites the array it returned before. */
  Iterator<long[]> sorted() throws IOException {
    if (spilled.isEmpty()) {
      sort(run, width, 0, rows, 0);
      return new InMemory();
    }
    if (rows > 0) spill();
    for (Path p : spilled) readers.add(new RunReader(p, width));
    return new Merge(readers, width);
  }

  /** Closes and removes the spilled runs, whether or not they were read to the end. */
  @Override
  public void close() throws IOException {
    for (RunReader r : readers) r.close();
    for (Path p : spilled) Files.deleteIfExists(p);
  }

  private void spill() throws IOException {
    sort(run, width, 0, rows, 0);
    Files.createDirectories(spillDir);
    Path file = Files.createTempFile(spillDir, "run-", ".longs");
    spilled.add(file);
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0, n = rows * width; i < n; i++) {
        if (!buf.hasRemaining()) drain(buf, out);
        buf.putLong(run[i]);
      }
      drain(buf, out);
    }
    rows = 0;
  }

  private static void drain(ByteBuffer buf, FileChannel out) throws IOException {
    buf.flip();
    while (buf.hasRemaining()) out.write(buf);
    buf.clear();
  }

  private final class InMemory implements Iterator<long[]> {
    private final long[] tuple = new long[width];
    private int next;

    public boolean hasNext() { return next < rows; }

    public long[] next() {
      if (!hasNext()) throw new NoSuchElementException();
      int at = next++ * width;
      for (int c = 0; c < width; c++) tuple[c] = run[at + c] ^ Long.MIN_VALUE;
      return tuple;
    }
  }

  /** One spilled run, read a tuple at a time (sign bits still flipped). */
  private static final class RunReader {
    final long[] head;
    private final DataInputStream in;

    RunReader(Path file, int width) throws IOException {
      this.head = new long[width];
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Reads the next tuple into {@link #head}; false (and closed) at the end. */
    boolean advance() {
      try {
        head[0] = in.readLong();
        for (int c = 1; c < head.length; c++) head[c] = in.readLong();
        return true;
      } catch (EOFException end) {
        close();
        return false;
      } catch (IOException e) {
        close();
        throw new UncheckedIOException(e);
      }
    }

    void close() {
      try {
        in.close();
      } catch (IOException ignored) {
        // a read-only stream: nothing was lost
      }
    }
  }

  private static final class Merge implements Iterator<long[]> {
    private final PriorityQueue<RunReader> queue;
    private final long[] tuple;

    Merge(List<RunReader> readers, int width) {
      this.tuple = new long[width];
      this.queue = new PriorityQueue<>(Math.max(1, readers.size()), (a, b) -> Arrays.compare(a.head, b.head));
      for (RunReader r : readers) if (r.advance()) queue.add(r);
    }

    public boolean hasNext() { return !queue.isEmpty(); }

    public long[] next() {
      RunReader r = queue.poll();
      if (r == null) throw new NoSuchElementException();
      for (int c = 0; c < tuple.length; c++) tuple[c] = r.head[c] ^ Long.MIN_VALUE;
      if (r.advance()) queue.add(r);
      return tuple;
    }
  }

  /** Sorts rows [lo, hi) of {@code a}, whose columns before {@code col} are already equal. */
  static void sort(long[] a, int w, int lo, int hi, int col) {
    while (hi - lo > 12 && col < w) {
      // The median of three rows picked at random: a primary's records arrive as a few long sorted runs
      // (one per graph), on which fixed picks (first, middle, last) made SPOG's sort at x100 take 32 s, not 1.7 s.
      int n = hi - lo;
      ThreadLocalRandom r = ThreadLocalRandom.current();
      long p = median(a[(lo + r.nextInt(n)) * w + col], a[(lo + r.nextInt(n)) * w + col], a[(lo + r.nextInt(n)) * w + col]);
      int lt = lo, i = lo, gt = hi; // [lo,lt) < p, [lt,i) = p, [gt,hi) > p
      while (i < gt) {
        long v = a[i * w + col];
        if (v < p) swap(a, w, lt++, i++);
        else if (v > p) swap(a, w, i, --gt);
        else i++;
      }
      sort(a, w, lt, gt, col + 1);
      // Recurse into the smaller side and loop on the larger: the stack stays logarithmic.
      if (lt - lo < hi - gt) {
        sort(a, w, lo, lt, col);
        lo = gt;
      } else {
        sort(a, w, gt, hi, col);
        hi = lt;
      }
    }
    for (int i = lo + 1; i < hi; i++)
      for (int j = i; j > lo && compare(a, w, j - 1, j, col) > 0; j--) swap(a, w, j - 1, j);
  }

  private static int compare(long[] a, int w, int x, int y, int col) {
    for (int c = col; c < w; c++) {
      int r = Long.compare(a[x * w + c], a[y * w + c]);
      if (r != 0) return r;
    }
    return 0;
  }

  private static void swap(long[] a, int w, int x, int y) {
    int i = x * w, j = y * w;
    for (int c = 0; c < w; c++, i++, j++) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static long median(long a, long b, long c) {
    return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
  }
}
