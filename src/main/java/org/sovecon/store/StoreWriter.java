package org.sovecon.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.sovecon.build.GraphBuild;
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

  /** How many earlier builds to keep beside the current one: a running server may still read one. */
  private static final int KEEP_PREVIOUS = 1;

  public static Path write(GraphBuild.Result result, StoreLayout store, String digest) throws IOException {
    Files.createDirectories(store.builds());
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path tmp = store.builds().resolve(stamp + ".partial");
    Path done = store.builds().resolve(stamp);
    try {
      Files.createDirectories(tmp);
      Dataset ds = TDB2Factory.connectDataset(tmp.resolve("tdb2").toString());
      DatasetGraph dsg = ds.asDatasetGraph();
      try {
        Txn.executeWrite(ds, () -> {
          load(dsg, SOV.graphOntology, result.ontology());
          load(dsg, SOV.graphAsserted, result.asserted());
          load(dsg, SOV.graphInferred, result.inferred());
        });
      } finally {
        // Release the database so its directory can be renamed and later opened by the server.
        TDBInternal.expel(dsg);
      }
      Files.writeString(tmp.resolve(StoreLayout.DIGEST_FILE), digest + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
    swapCurrent(store, done);
    prune(store, done);
    return done;
  }

  private static void load(DatasetGraph dsg, Node graphName, Graph g) {
    g.find().forEachRemaining(t -> dsg.add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
  }

  private static void swapCurrent(StoreLayout store, Path target) throws IOException {
    Path link = store.currentLink();
    Path tmpLink = store.root().resolve("current.new");
    Files.deleteIfExists(tmpLink);
    Files.createSymbolicLink(tmpLink, store.root().relativize(target));
    Files.move(tmpLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Removes builds older than the current one and the one before it, and leftovers of failed builds. */
  private static void prune(StoreLayout store, Path current) throws IOException {
    List<Path> builds;
    try (Stream<Path> s = Files.list(store.builds())) {
      builds = s.sorted(Comparator.reverseOrder()).toList();
    }
    int kept = 0;
    for (Path b : builds) {
      if (b.equals(current)) continue;
      if (b.getFileName().toString().endsWith(".partial")) continue; // may belong to a build under way
      if (kept++ < KEEP_PREVIOUS) continue;
      deleteTree(b);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
