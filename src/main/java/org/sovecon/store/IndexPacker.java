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
 * Rewrites a loaded TDB2 database into a new folder with every triple and quad index packed full.
 *
 * <p>Why: a B+Tree built by inserts splits each full leaf in half, and sorted runs never fill the left
 * half again, so the bulk loader leaves its indexes a little over half full (x10: 442 MB on disk,
 * SPOG 84 MB for 44 MB of records). A server maps the pages its queries touch: half-empty pages are
 * twice the memory and twice the reads. Jena's own xloader writes its indexes the same way as here,
 * bottom up from sorted records ({@link BPlusTreeRewriter}); each index is already sorted in its own
 * order, so it is read in order and written out, with no sort.
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
   */
  public static long pack(Path loaded, Path packed) throws IOException {
    Path from = storage(loaded);
    Path to = packed.resolve(STORAGE);
    Files.createDirectories(to);
    Set<String> indexes = indexNames();
    linkAllBut(from, to, indexes);
    DatasetGraph source = DatabaseMgr.connectDatasetGraph(loaded.toString());
    try {
      DatasetGraph target = DatabaseMgr.connectDatasetGraph(packed.toString());
      try {
        return packAll(source, target, indexes);
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
  private static long packAll(DatasetGraph source, DatasetGraph target, Set<String> indexes) throws IOException {
    int threads = Math.max(1, Math.min(indexes.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "sovecon-index-packer"));
    try {
      List<Future<Long>> tasks = new ArrayList<>();
      for (String name : indexes) tasks.add(pool.submit(() -> packOne(source, target, name)));
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
    }
  }

  private static long packOne(DatasetGraph source, DatasetGraph target, String name) {
    TupleIndexRecord from = (TupleIndexRecord) TDBInternal.findIndex(source, name);
    TupleIndexRecord to = (TupleIndexRecord) TDBInternal.findIndex(target, name);
    if (from == null || to == null) throw new IllegalStateException("TDB2 has no index " + name + " in this database");
    BPlusTree tree = (BPlusTree) to.getRangeIndex();
    RecordFactory records = tree.getRecordFactory();
    BPlusTreeParams params = new BPlusTreeParams(BPlusTreeParams.calcOrder(SystemTDB.BlockSize, records), records);
    long[] count = {0};
    // A read transaction on the loaded database (bound to this thread), a write on the one index.
    Txn.executeRead(source, () -> {
      Iterator<Record> in = ((BPlusTree) from.getRangeIndex()).iterator();
      if (!in.hasNext()) return; // the target's index is already a valid empty tree; the rewriter wants records
      Iterator<Record> counted = new Iterator<>() {
        public boolean hasNext() { return in.hasNext(); }
        public Record next() { count[0]++; return in.next(); }
      };
      CoLib.executeWrite(to, () -> BPlusTreeRewriter.packIntoBPlusTree(counted, params, records,
          tree.getStateManager().getBufferChannel(), tree.getNodeManager().getBlockMgr(), tree.getRecordsMgr().getBlockMgr()));
    });
    return count[0];
  }
}
