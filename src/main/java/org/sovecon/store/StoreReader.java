package org.sovecon.store;

import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.tdb2.TDB2;

/** Opens a built store for reading, with the default graph serving the union of the named graphs. */
public final class StoreReader {
  private StoreReader() {}

  public static Dataset open(Path tdb2Dir) {
    Dataset ds = TDB2Factory.connectDataset(tdb2Dir.toString());
    ds.getContext().set(TDB2.symUnionDefaultGraph, true);
    return ds;
  }

  public static void close(Dataset ds) {
    TDBInternal.expel(ds.asDatasetGraph());
  }
}
