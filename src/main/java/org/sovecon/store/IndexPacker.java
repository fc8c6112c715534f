package org.sovecon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.BPlusTreeParams;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes a new TDB2 database from a loaded one: its node table as it is, and every triple and quad index
 * built bottom up, packed full, from the loaded database's primary indexes (SPO, GSPO).
 *
 * <p>Why packed: a B+Tree built by inserts splits each full leaf in half, and sorted runs never fill the
 * left half again, so a loader leaves its indexes a little over half full (x10: 442 MB on disk, SPOG 84 MB
 * for 44 MB of records). A server maps the pages its queries touch: half-empty pages are twice the memory
 * and twice the reads. Why from the primaries: the load needs to fill only those (StoreWriter), and
 * sorting a primary's records into another index's order and writing them bottom up is several times
 * faster than the phased loader's inserting them into each secondary index (x10: 11.3 s of its 25.2 s).
 * This is how Jena's own xloader writes its indexes ({@link BPlusTreeRewriter}); a primary, already in
 * order, is read and written out with no sort. What a loader put into the other indexes is not read.
 *
 * <p>The node table (nodes, prefixes) is kept as it is, its ids being what the index records hold: the
 * packed database gets hard links to the loaded one's files (a copy where the file system has none).
 * Only the indexes are written to, each in a transaction of its own, so the two never write to a
 * shared file; the loaded database's journal is copied, not linked, since each opens its own.
 */
public final class IndexPacker {
  private IndexPacker() {}

  /** TDB2 keeps each database in a storage folder inside the one it is opened by. */
  private static final String STORAGE = "Data-0001";

  /**
   * Writes the database at {@code loaded} (closed, not held by anyone) into the empty or absent folder
   * {@code packed}, and returns how many index records were written. {@code loaded} is left as it was.
   * The sorts get a quarter of the heap: at x100 (13.2 million quads) a 4 GiB heap sorts each index in
   * one run, in memory.
   */
  public static long pack(Path loaded, Path packed) throws IOException {
    return pack(loaded, packed, Runtime.getRuntime().maxMemory() / 4);
  }

  /**
   * As {@link #pack(Path, Path)}, the sorts holding at most about {@code sortBytes} at once: those that do
   * not fit spill into a folder beside {@code packed}, removed before this returns.
   */
  static long pack(Path loaded, Path packed, long sortBytes) throws IOException {
    Path from = storage(loaded);
    Path to = packed.resolve(STORAGE);
    Files.createDirectories(to);
    Set<String> indexes = indexNames();
    linkAllBut(from, to, indexes);
    DatasetGraph source = DatabaseMgr.connectDatasetGraph(loaded.toString());
    try {
      DatasetGraph target = DatabaseMgr.connectDatasetGraph(packed.toString());
      try {
        return packAll(source, target, indexes, sortBytes, packed.resolveSibling(packed.getFileName() + "-sort"));
      } finally {
        TDBInternal.expel(target);
      }
    } finally {
      // Released whatever happened: the caller removes or renames both folders next.
      TDBInternal.expel(source);
    }
  }

  private static Path storage(Path database) throws IOException {
    Path s = database.resolve(STORAGE);
    if (!Files.isDirectory(s))
      throw new IOException("no TDB2 storage folder " + STORAGE + " in " + database + " (a database that was compacted cannot be packed)");
    return s;
  }

  /** The indexes of a database made with TDB2's default layout, which is how every build makes them. */
  private static Set<String> indexNames() {
    StoreParams p = StoreParams.getDftStoreParams();
    var names = new java.util.LinkedHashSet<String>();
    names.addAll(List.of(p.getTripleIndexes()));
    names.addAll(List.of(p.getQuadIndexes()));
    return names;
  }

  /**
   * Everything but the index files (NAME.dat, NAME.idn, NAME.bpt) and the lock, which the target makes
   * its own. Linked rather than copied where it can be: TDB2's files are sparse (allocated 8 MiB at a
   * time), and a copy writes out their holes (x1: 48 MB more on disk, and the launcher sizes the heap
   * from the store's size on disk).
   */
  private static void linkAllBut(Path from, Path to, Set<String> indexes) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        int dot = name.indexOf('.');
        if (indexes.contains(dot < 0 ? name : name.substring(0, dot)) || name.equals(Holders.LOCK_FILE)) continue;
        if (name.equals(JOURNAL)) Files.copy(f, to.resolve(name));
        else linkOrCopy(f, to.resolve(name));
      }
    }
  }

  private static final String JOURNAL = "journal.jrnl";

  private static void linkOrCopy(Path existing, Path link) throws IOException {
    try {
      Files.createLink(link, existing);
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      Files.copy(existing, link);
    }
  }

  /** One index per task, as many at once as there are cores: each reads one index and writes another. */
  private static long packAll(DatasetGraph source, DatasetGraph target, Set<String> indexes, long sortBytesInAll, Path spill)
      throws IOException {
    int threads = Math.max(1, Math.min(indexes.size(), Runtime.getRuntime().availableProcessors()));
    long sortBytes = sortBytesInAll / threads;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "sovecon-index-packer"));
    try {
      List<Future<Long>> tasks = new ArrayList<>();
      for (String name : indexes) tasks.add(pool.submit(() -> packOne(source, target, name, sortBytes, spill)));
      long records = 0;
      for (Future<Long> t : tasks) records += t.get();
      return records;
    } catch (java.util.concurrent.ExecutionException e) {
      Rethrow.ifAny(e.getCause());
      throw new IllegalStateException("unreachable: a task failed with no cause", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while packing the indexes", e);
    } finally {
      // Every task is waited for, so none writes into a folder the caller removes after a failure.
      pool.shutdownNow();
      try {
        while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) { /* still writing */ }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        Files.deleteIfExists(spill); // each sorter removed its own files
      } catch (java.nio.file.DirectoryNotEmptyException leftByAFailure) {
        // a sort that failed mid-way; the caller removes the build's folder, this one with it
      }
    }
  }

  private static long packOne(DatasetGraph source, DatasetGraph target, String name, long sortBytes, Path spill) throws IOException {
    String primary = primaryOf(name);
    TupleIndexRecord from = (TupleIndexRecord) TDBInternal.findIndex(source, primary);
    TupleIndexRecord to = (TupleIndexRecord) TDBInternal.findIndex(target, name);
    if (from == null || to == null) throw new IllegalStateException("TDB2 has no index " + name + " or " + primary + " in this database");
    BPlusTree tree = (BPlusTree) to.getRangeIndex();
    RecordFactory records = tree.getRecordFactory();
    BPlusTreeParams params = new BPlusTreeParams(BPlusTreeParams.calcOrder(SystemTDB.BlockSize, records), records);
    long[] count = {0};
    IOException[] failure = {null};
    // A read transaction on the loaded database (bound to this thread), a write on the one index.
    Txn.executeRead(source, () -> {
      Iterator<Record> in = ((BPlusTree) from.getRangeIndex()).iterator();
      if (!in.hasNext()) return; // the target's index is already a valid empty tree; the rewriter wants records
      try (TupleSorter sorter = name.equals(primary) ? null : new TupleSorter(name.length(), runRows(sortBytes, name.length()), spill)) {
        Iterator<Record> ordered = sorter == null ? in : reordered(in, primary, name, sorter, records);
        Iterator<Record> counted = new Iterator<>() {
          public boolean hasNext() { return ordered.hasNext(); }
          public Record next() { count[0]++; return ordered.next(); }
        };
        CoLib.executeWrite(to, () -> BPlusTreeRewriter.packIntoBPlusTree(counted, params, records,
            tree.getStateManager().getBufferChannel(), tree.getNodeManager().getBlockMgr(), tree.getRecordsMgr().getBlockMgr()));
      } catch (IOException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) throw failure[0];
    return count[0];
  }

  /** The primary index of an index's kind, whose records are tuples in their natural order: SPO or GSPO. */
  private static String primaryOf(String index) {
    StoreParams p = StoreParams.getDftStoreParams();
    return index.length() == 3 ? p.getPrimaryIndexTriples() : p.getPrimaryIndexQuads();
  }

  private static int runRows(long sortBytes, int width) {
    return (int) Math.max(1 << 10, Math.min(Integer.MAX_VALUE, sortBytes / (8L * width)));
  }

  /** The primary's records with their columns moved into {@code index}'s order, sorted. */
  private static Iterator<Record> reordered(Iterator<Record> primaryRecords, String primary, String index, TupleSorter sorter,
      RecordFactory records) throws IOException {
    int width = index.length();
    int[] column = new int[width]; // the primary's column for each of the index's
    for (int c = 0; c < width; c++) column[c] = primary.indexOf(index.charAt(c));
    long[] tuple = new long[width];
    while (primaryRecords.hasNext()) {
      byte[] key = primaryRecords.next().getKey();
      for (int c = 0; c < width; c++) tuple[c] = Bytes.getLong(key, column[c] * Long.BYTES);
      sorter.add(tuple);
    }
    Iterator<long[]> sorted = sorter.sorted();
    return new Iterator<>() {
      public boolean hasNext() { return sorted.hasNext(); }

      public Record next() {
        long[] t = sorted.next();
        byte[] key = new byte[width * Long.BYTES];
        for (int c = 0; c < width; c++) Bytes.setLong(t[c], key, c * Long.BYTES);
        return records.create(key);
      }
    };
  }
}
