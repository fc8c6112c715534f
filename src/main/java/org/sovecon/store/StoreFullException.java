package org.sovecon.store;

import java.io.IOException;
import java.nio.file.Path;

/** The disk holding the store filled up during a build; the half-built store has been removed. */
public final class StoreFullException extends IOException {
  private final Path storeDir;

  public StoreFullException(Path storeDir, long usableBytes, Throwable cause) {
    super("the disk holding " + storeDir + " is full (" + usableBytes / (1024 * 1024)
        + " MiB free while writing the new build): free some space and build again", cause);
    this.storeDir = storeDir;
  }

  public Path storeDir() {
    return storeDir;
  }
}
