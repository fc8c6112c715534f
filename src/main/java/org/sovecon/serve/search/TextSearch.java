package org.sovecon.serve.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.store.FSDirectory;
import org.sovecon.store.TextIndexFiles;

/**
 * Puts the full-text index over a read-only store so that SPARQL's {@code text:query} works on it.
 * The index lives in memory: it is loaded from the build's {@code text-index/} folder (written by
 * {@code build}), or, for a store built before there was one, made from the store's own triples.
 *
 * <pre>
 *   TextSearch.Indexed s = TextSearch.index(tdb2Dataset);
 *   FusekiServer.create().add("/sovecon", s.dataset(), false) ...
 * </pre>
 */
public final class TextSearch {
  private TextSearch() {}

  /** The dataset with its index, whether it came from the build folder, and how long that took. */
  public record Indexed(Dataset dataset, TextIndex index, boolean fromBuild, long millis) {}

  public static Indexed index(Dataset store) {
    long t0 = System.nanoTime();
    TextIndex index = TextIndexFiles.assemble(null);
    Optional<Path> built = buildIndexDir(store.asDatasetGraph());
    if (built.isPresent() && index instanceof TextIndexLucene lucene) {
      // A copy into memory: the build's folder is only read, so several processes may serve one build.
      try (FSDirectory dir = FSDirectory.open(built.get())) {
        lucene.getIndexWriter().addIndexes(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the text index " + built.get() + ": " + e.getMessage(), e);
      }
    } else {
      store.begin(ReadWrite.READ);
      try {
        TextIndexFiles.fill(index, org.apache.jena.atlas.iterator.Iter.map(
            store.asDatasetGraph().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY), q -> q.asTriple()));
      } finally {
        store.end();
      }
    }
    index.commit();
    // No document producer: the store is read-only, so nothing would change the index.
    Dataset ds = TextDatasetFactory.create(store, index, true, null);
    return new Indexed(ds, index, built.isPresent(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** {@code <build>/text-index} beside the TDB2 database {@code <build>/tdb2}, if the build has one. */
  static Optional<Path> buildIndexDir(DatasetGraph dsg) {
    if (!TDBInternal.isTDB2(dsg)) return Optional.empty();
    var location = TDBInternal.getDatabaseContainer(dsg).getLocation();
    if (location == null || location.isMem()) return Optional.empty();
    Path dir = Path.of(location.getDirectoryPath()).toAbsolutePath().getParent().resolve(TextIndexFiles.DIR);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
