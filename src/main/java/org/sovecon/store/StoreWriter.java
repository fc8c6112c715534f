package org.sovecon.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.main.LoaderMain;
import org.apache.jena.tdb2.loader.main.LoaderPlan;
import org.apache.jena.tdb2.loader.main.LoaderPlans;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.Stages;
import org.sovecon.vocab.SOV;

/**
 * Loads a built graph into a new TDB2 database beside the current one, and swaps it in only when it
 * is complete. On failure the half-built directory is removed and the current store is untouched.
 *
 * <pre>
 *   Path dir = StoreWriter.write(result, new StoreLayout(root), digest);
 * </pre>
 */
public final class StoreWriter {
  private StoreWriter() {}

  /** How many earlier builds to keep beside the current one, as a fallback; builds a process holds are kept too. */
  private static final int KEEP_PREVIOUS = 1;

  /**
   * Below this much free space, a failed write is taken for a full disk. TDB2 writes through memory
   * maps, so a full disk often surfaces as a bare {@code InternalError} (a fault in a memory access)
   * that names no cause; the free space left is what tells.
   */
  static final long LOW_SPACE = 32L * 1024 * 1024;

  /** A build in progress: {@code <time>-p<pid>.partial}, so that a later build can tell whether its writer is alive. */
  private static final Pattern PARTIAL = Pattern.compile(".*?(?:-p(\\d+))?\\.partial");

  /** The steps that touch the disk. Tests replace them to make a write fail as a full disk does. */
  public interface Disk {
    /** Loads the quads of the build's RDF Thrift file ({@link MemoryCopy#FILE}) into {@code dsg}. */
    void load(DatasetGraph dsg, Path quads);

    long usableSpace(Path dir) throws IOException;

    Disk REAL = new Disk() {
      @Override
      public void load(DatasetGraph dsg, Path quads) {
        bulkLoad(dsg, quads);
      }

      @Override
      public long usableSpace(Path dir) throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
      }
    };
  }

  public static Path write(GraphBuild.Result result, StoreLayout store, String digest) throws IOException {
    return write(result, store, digest, Disk.REAL);
  }

  public static Path write(GraphBuild.Result result, StoreLayout store, String digest, Disk disk) throws IOException {
    return write(result, store, digest, disk, new Stages());
  }

  /** As {@link #write(GraphBuild.Result, StoreLayout, String, Disk)}, timing each step into {@code stages}. */
  public static Path write(GraphBuild.Result result, StoreLayout store, String digest, Disk disk, Stages stages) throws IOException {
    return write(result, store, digest, disk, stages, false);
  }

  /**
   * As {@link #write(GraphBuild.Result, StoreLayout, String, Disk, Stages)}, and the result's graphs are
   * emptied as soon as they are on disk, before the TDB2 load: for a caller with no further use for
   * them (the build command). At x100 they are 2.3 GiB of the heap, and with them live the collector
   * spent more CPU during the load than Jena's own bulk loader takes for the whole job.
   */
  public static Path writeAndRelease(GraphBuild.Result result, StoreLayout store, String digest, Disk disk, Stages stages) throws IOException {
    return write(result, store, digest, disk, stages, true);
  }

  /*
   * The order matters for memory: the text index and the RDF Thrift file are written from the graphs
   * in memory; the TDB2 database is then loaded from the Thrift file, so that the graphs can be
   * released first. The loaded database is then rewritten with its indexes packed (IndexPacker), and
   * only the packed one is kept.
   */
  private static Path write(GraphBuild.Result result, StoreLayout store, String digest, Disk disk, Stages stages,
      boolean release) throws IOException {
    Files.createDirectories(store.builds());
    removeStalePartials(store);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path tmp = store.builds().resolve(stamp + "-p" + ProcessHandle.current().pid() + ".partial");
    Path done = store.builds().resolve(stamp);
    try {
      Files.createDirectories(tmp);
      stages.time("store: index, Thrift", () -> writeIndexAndCopy(result, tmp));
      if (release) graphs(result).values().forEach(g -> { if (g != null) g.clear(); });
      Path loaded = tmp.resolve("tdb2-loaded");
      Dataset ds = TDB2Factory.connectDataset(loaded.toString());
      DatasetGraph dsg = ds.asDatasetGraph();
      Throwable failure = null;
      try {
        // The bulk loader runs its own transaction (one write: the node table and the primary indexes).
        stages.time("store: TDB2 load", () -> disk.load(dsg, tmp.resolve(MemoryCopy.FILE)));
      } catch (Throwable t) {
        failure = t;
        throw t;
      } finally {
        // Release the database so its directory can be renamed (or removed) and later opened by the server.
        try {
          TDBInternal.expel(dsg);
        } catch (Throwable t) {
          if (failure != null) failure.addSuppressed(t);
          else throw t;
        }
      }
      stages.time("store: pack indexes", () -> {
        IndexPacker.pack(loaded, tmp.resolve("tdb2"));
        deleteTree(loaded);
      });
      Files.writeString(tmp.resolve(StoreLayout.DIGEST_FILE), digest + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
    } catch (Throwable e) {
      // Errors too: a full disk under a memory map arrives as an InternalError, not an IOException.
      long usable = usableSpace(disk, store.builds());
      try {
        deleteTree(tmp);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (isDiskFull(e, usable)) throw new StoreFullException(store.root(), usable, e);
      throw e;
    }
    stages.time("store: swap, prune", () -> {
      swapCurrent(store, done);
      prune(store, done);
    });
    return done;
  }

  /**
   * Writes the text index on a thread of its own while this one writes the RDF Thrift file: both only
   * read the graphs, and each leaves much of the machine idle (Lucene waits on its merges, the Thrift
   * writer on the disk and the collector). Returns once both are written; the first failure is thrown,
   * and only after the other writer has stopped, so nothing writes into a folder being removed.
   */
  static void writeIndexAndCopy(GraphBuild.Result result, Path dir) throws IOException {
    var index = new java.util.concurrent.FutureTask<>(() ->
        TextIndexFiles.write(java.util.List.of(result.asserted(), result.inferred(), result.ontology()), dir.resolve(TextIndexFiles.DIR)));
    Thread indexer = new Thread(index, "sovecon-text-index");
    indexer.start();
    Throwable failure = null;
    try {
      MemoryCopy.write(graphs(result), dir);
    } catch (Throwable t) {
      failure = t;
    }
    // Wait even if interrupted: the caller may remove the folder the index is writing into.
    boolean interrupted = false;
    while (indexer.isAlive()) {
      try {
        indexer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    try {
      index.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (failure == null) failure = e.getCause();
      else failure.addSuppressed(e.getCause());
    } catch (InterruptedException e) {
      throw new IllegalStateException("unreachable: the index's thread has ended", e);
    }
    Rethrow.ifAny(failure);
  }

  static boolean isDiskFull(Throwable failure, long usableBytes) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("No space left on device")) return true;
      for (Throwable s : t.getSuppressed())
        if (String.valueOf(s.getMessage()).contains("No space left on device")) return true;
    }
    return usableBytes >= 0 && usableBytes < LOW_SPACE;
  }

  private static long usableSpace(Disk disk, Path dir) {
    try {
      return disk.usableSpace(dir);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Streams the build's RDF Thrift file into TDB2's bulk loader, filling the node table and the primary
   * indexes only (SPO, GSPO): IndexPacker then builds the others by sorting a primary, which at x10 took
   * 2 s where the phased loader's second phase, inserting into them, took 11 s. The loader's steps run
   * as in its phased plan (parser, node table and index on threads of their own).
   */
  static void bulkLoad(DatasetGraph dsg, Path quads) {
    DataLoader loader = new LoaderMain(PRIMARY_INDEXES_ONLY, dsg, (fmt, args) -> {});
    loader.startBulk();
    try {
      StreamRDF stream = loader.stream();
      stream.start();
      MemoryCopy.stream(quads, stream);
      stream.finish();
      loader.finishBulk();
    } catch (RuntimeException | Error e) {
      loader.finishException(e instanceof Exception ex ? ex : new RuntimeException(e));
      throw e;
    }
  }

  /** The phased plan's first step and no other: its input stage is taken from it, Jena not making the type public. */
  static final LoaderPlan PRIMARY_INDEXES_ONLY = new LoaderPlan(LoaderPlans.loaderPlanPhased.dataInputType(),
      LoaderPlans.loaderPlanPhased.primaryLoad3(), LoaderPlans.loaderPlanPhased.primaryLoad4(), new String[0][], new String[0][]);

  /** The build's graphs by name, in the order they are loaded (explanations and claim links may be absent). */
  static java.util.Map<Node, Graph> graphs(GraphBuild.Result result) {
    var m = new java.util.LinkedHashMap<Node, Graph>();
    m.put(SOV.graphOntology, result.ontology());
    m.put(SOV.graphAsserted, result.asserted());
    m.put(SOV.graphInferred, result.inferred());
    m.put(SOV.graphExplanations, result.explanations());
    m.put(SOV.graphClaimLinks, result.claimLinks());
    return m;
  }

  private static void swapCurrent(StoreLayout store, Path target) throws IOException {
    Path link = store.currentLink();
    Path tmpLink = store.root().resolve("current.new");
    Files.deleteIfExists(tmpLink);
    Files.createSymbolicLink(tmpLink, store.root().relativize(target));
    Files.move(tmpLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Removes what killed builds left behind (kill -9, a power cut, an Error): every {@code .partial}
   * folder whose writer is gone. A partial is live while the process named in it runs or while a
   * process holds its database.
   */
  public static List<Path> removeStalePartials(StoreLayout store) throws IOException {
    if (!Files.isDirectory(store.builds())) return List.of();
    List<Path> removed = new ArrayList<>();
    for (Path b : list(store.builds())) {
      Matcher m = PARTIAL.matcher(b.getFileName().toString());
      if (!m.matches()) continue;
      boolean writerAlive = m.group(1) != null && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
      if (writerAlive || Holders.isHeld(b.resolve("tdb2"))) continue;
      deleteTree(b);
      removed.add(b);
    }
    return removed;
  }

  /**
   * Removes builds older than the current one and the one before it, except a build some process
   * (a running server, a query) has open: the server keeps reading the build it opened.
   */
  private static void prune(StoreLayout store, Path current) throws IOException {
    int kept = 0;
    for (Path b : list(store.builds())) {
      if (b.equals(current)) continue;
      if (b.getFileName().toString().endsWith(".partial")) continue; // removed at the next build's start if stale
      if (kept++ < KEEP_PREVIOUS) continue;
      if (Holders.isHeld(b.resolve("tdb2"))) continue;
      deleteTree(b);
    }
  }

  /** The builds, newest first. */
  private static List<Path> list(Path builds) throws IOException {
    try (Stream<Path> s = Files.list(builds)) {
      return s.sorted(Comparator.reverseOrder()).toList();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
