package org.sovecon.export;

import java.util.function.Predicate;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.Quad;
import org.sovecon.vocab.SOV;

/**
 * What an export writes, chosen before any writer runs: the store's quads, less what may not be
 * published. Every writer (RDF dumps, networks, metadata) reads the selection, so a new filter
 * (an "as of" date, one source) is one more {@code Selection} and touches no writer. A selection is
 * a view of the store, not a copy: a dump streams from the store's indexes in constant memory,
 * whatever the graph's size.
 *
 * <pre>
 * Dataset published = Selection.publishable().apply(store);
 * RdfExport.write(published, file, format);
 * </pre>
 */
@FunctionalInterface
public interface Selection {
  /** What this selection keeps of {@code store}, read from {@code store} as it is read (in its transactions). */
  Dataset apply(Dataset store);

  /** Everything in the store, the source texts' passages included: for local use only. */
  static Selection everything() {
    return keeping(q -> true);
  }

  /**
   * The default for every published form: without {@code sov:passage}, the cited lines of the source
   * texts attached at build time. The texts are not ours to redistribute; a reader who has them sees
   * the passages in a locally built store, and every citation keeps its source and line range.
   */
  static Selection publishable() {
    return keeping(q -> !q.getPredicate().equals(SOV.passage));
  }

  /**
   * The quads that satisfy {@code keep}; the default graph is the union of the named graphs when the
   * store's is, as the project's queries expect.
   */
  static Selection keeping(Predicate<Quad> keep) {
    return store -> DatasetFactory.wrap(new FilteredView(store.asDatasetGraph(), keep));
  }

  /** This selection, then {@code next} applied to what it kept. */
  default Selection then(Selection next) {
    return store -> next.apply(apply(store));
  }
}
