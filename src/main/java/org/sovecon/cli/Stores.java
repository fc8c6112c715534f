package org.sovecon.cli;

import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.sovecon.build.ProjectLayout;
import org.sovecon.store.StoreLayout;
import org.sovecon.store.StoreReader;

/** Opens the current store for the read-only commands, with a clear message when there is none. */
final class Stores {
  private Stores() {}

  static Dataset openCurrent(ProjectLayout layout) {
    Path db = new StoreLayout(layout.storeDir()).currentDatabase()
        .orElseThrow(() -> new IllegalStateException("no built store in " + layout.storeDir() + ": run ./sovecon build first"));
    return StoreReader.open(db);
  }
}
