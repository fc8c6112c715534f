package org.sovecon.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Opens a built store for reading, with the default graph serving the union of the named graphs. */
public final class StoreReader {
  private StoreReader() {}

  static {
    // sov:holdsOn in every query over a store: the command line, the server, the tests.
    org.sovecon.asof.HoldsOn.register();
  }

  public static Dataset open(Path tdb2Dir) {
    Dataset ds = TDB2Factory.connectDataset(tdb2Dir.toString());
    ds.getContext().set(TDB2.symUnionDefaultGraph, true);
    return ds;
  }

  public static void close(Dataset ds) {
    TDBInternal.expel(ds.asDatasetGraph());
  }

  /** A store opened for reading, and who else had it open when it was opened (then this is a copy). */
  public record Opened(Dataset dataset, Optional<Holders.Holder> heldBy) {}

  /**
   * Opens a store for reading even while another process has it open. TDB2 lets one process at a
   * time open a database (an exclusive lock on {@code tdb.lock}), and has no read-only mode. A
   * finished build never changes (a server only reads it), so a private copy reads exactly what the
   * server serves; the copy is removed when this process exits.
   */
  public static Opened openForReading(Path tdb2Dir) {
    Optional<Holders.Holder> holder = Holders.of(tdb2Dir).filter(h -> !h.here());
    if (holder.isEmpty()) return new Opened(open(tdb2Dir), holder);
    Path copy = copyOf(tdb2Dir);
    Dataset ds = open(copy);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        close(ds);
        StoreWriter.deleteTree(copy.getParent());
      } catch (IOException | RuntimeException e) {
        // A temporary directory left behind is harmless; the process is exiting anyway.
      }
    }));
    return new Opened(ds, holder);
  }

  private static Path copyOf(Path tdb2Dir) {
    try {
      Path copy = Files.createTempDirectory("sovecon-store-").resolve("tdb2");
      try (Stream<Path> s = Files.walk(tdb2Dir)) {
        for (Path p : s.toList()) {
          if (p.getFileName().toString().equals(Holders.LOCK_FILE)) continue;
          Path target = copy.resolve(tdb2Dir.relativize(p).toString());
          if (Files.isDirectory(p)) Files.createDirectories(target);
          else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the store at " + tdb2Dir + " to read it beside the process that has it open", e);
    }
  }
}
