package org.sovecon.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.sovecon.build.ProjectLayout;
import org.sovecon.store.StoreLayout;
import org.sovecon.store.StoreReader;

/** Opens the current store for the read-only commands, with a clear message when there is none. */
final class Stores {
  private Stores() {}

  /**
   * For {@code query}, {@code stats}, {@code coverage} and {@code export}: works while a server (or
   * any other process) has the store open, by reading a copy, and says so on stderr.
   */
  static Dataset openForReading(ProjectLayout layout, PrintWriter err) {
    Path db = currentDatabase(layout);
    StoreReader.Opened opened = StoreReader.openForReading(db);
    opened.heldBy().ifPresent(h -> {
      err.println("sovecon: note: " + (h.pid().isPresent() ? "process " + h.pid().getAsLong() : "another process")
          + " (a running ./sovecon serve?) has " + shown(layout, db.getParent())
          + " open; reading a copy of it, which answers exactly as the server does");
      err.flush();
    });
    return opened.dataset();
  }

  private static Path shown(ProjectLayout layout, Path p) {
    return p.startsWith(layout.root()) ? layout.root().relativize(p) : p;
  }

  static Path currentDatabase(ProjectLayout layout) {
    return new StoreLayout(layout.storeDir()).currentDatabase()
        .orElseThrow(() -> new IllegalStateException("no built store in " + layout.storeDir() + ": run ./sovecon build first"));
  }
}
