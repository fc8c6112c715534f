package org.sovecon.export;

import java.util.function.Predicate;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.sovecon.vocab.SOV;

/**
 * What an export writes, chosen before any writer runs: the store's quads, less what may not be
 * published. Every writer (RDF dumps, networks, metadata) reads the selected copy, so a new filter
 * (an "as of" date, one source) is one more {@code Selection} and touches no writer.
 *
 * <pre>
 * Dataset published = Selection.publishable().apply(store);
 * RdfExport.write(published, file, format);
 * </pre>
 */
@FunctionalInterface
public interface Selection {
  /** A new in-memory dataset holding what this selection keeps of {@code store}. */
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
   * The quads that satisfy {@code keep}, in an in-memory TDB2 dataset whose default graph is the union
   * of the named graphs, as in the store: the project's queries rely on that.
   */
  static Selection keeping(Predicate<Quad> keep) {
    return store -> {
      Dataset out = TDB2Factory.createDataset();
      out.getContext().set(TDB2.symUnionDefaultGraph, true);
      DatasetGraph g = out.asDatasetGraph();
      Txn.executeRead(store, () -> Txn.executeWrite(out, () ->
          store.asDatasetGraph().find().forEachRemaining(q -> {
            if (keep.test(q)) g.add(q);
          })));
      return out;
    };
  }

  /** This selection, then {@code next} applied to what it kept. */
  default Selection then(Selection next) {
    return store -> next.apply(apply(store));
  }
}
