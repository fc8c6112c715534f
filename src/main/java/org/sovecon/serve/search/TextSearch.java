package org.sovecon.serve.search;

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
import org.sovecon.store.TextIndexFiles;

/**
 * Puts the full-text index over a read-only store so that SPARQL's {@code text:query} works on it.
 * The index is the build's {@code text-index/} folder (written by {@code build}), opened in place; for
 * a store built before there was one, it is made in memory from the store's own triples.
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
    Optional<Path> built = buildIndexDir(store.asDatasetGraph());
    TextIndex index = built.isPresent() ? load(built.get()) : fromTriples(store);
    return new Indexed(over(store, index), index, built.isPresent(), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The index the build wrote into {@code dir}, opened in place from a folder of this process's own
   * ({@link PrivateIndexFolder}): Lucene maps its files, so the index costs no heap and no copying at
   * start (it used to be copied onto the heap: 191 MB and a second of a core at x100). The build's
   * folder is only read, so several processes may serve one build.
   */
  public static TextIndex load(Path dir) {
    TextIndex index = TextIndexFiles.assemble(PrivateIndexFolder.of(dir));
    if (!(index instanceof TextIndexLucene))
      throw new IllegalStateException("the text index configuration is not a Lucene index");
    return index;
  }

  /** For a store built before there was an index folder: made from the store's own triples. */
  static TextIndex fromTriples(Dataset store) {
    TextIndex index = TextIndexFiles.assemble(null);
    store.begin(ReadWrite.READ);
    try {
      TextIndexFiles.fill(index, org.apache.jena.atlas.iterator.Iter.map(
          store.asDatasetGraph().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY), q -> q.asTriple()));
    } finally {
      store.end();
    }
    index.commit();
    return index;
  }

  /** The dataset answering {@code text:query} from {@code index}; the same index serves a copy of the store in memory. */
  public static Dataset over(Dataset data, TextIndex index) {
    // No document producer: the store is read-only, so nothing would change the index.
    return TextDatasetFactory.create(data, index, true, null);
  }

  /**
   * As {@link #over(Dataset, TextIndex)}, with an index still loading: other queries are answered
   * meanwhile; a search waits for it.
   */
  public static Dataset over(Dataset data, java.util.concurrent.CompletableFuture<TextIndex> loading) {
    return over(data, new LoadingTextIndex(loading, TextIndexFiles.entityDefinition()));
  }

  /**
   * As {@link #over(Dataset, TextIndex)}, with an index opened at {@link DeferredIndex#load()} or at
   * the first search, whichever comes first: other queries never wait for it.
   */
  public static Dataset over(Dataset data, DeferredIndex deferred) {
    return over(data, new LoadingTextIndex(deferred.future(), deferred::load, deferred.definition()));
  }

  /** The build's index folder beside the TDB2 database folder {@code db}, if the build has one. */
  public static Optional<Path> besideDatabase(Path db) {
    Path dir = db.toAbsolutePath().getParent().resolve(TextIndexFiles.DIR);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  /** {@code <build>/text-index} beside the TDB2 database {@code <build>/tdb2}, if the build has one. */
  static Optional<Path> buildIndexDir(DatasetGraph dsg) {
    if (!TDBInternal.isTDB2(dsg)) return Optional.empty();
    var location = TDBInternal.getDatabaseContainer(dsg).getLocation();
    if (location == null || location.isMem()) return Optional.empty();
    return besideDatabase(Path.of(location.getDirectoryPath()));
  }
}
