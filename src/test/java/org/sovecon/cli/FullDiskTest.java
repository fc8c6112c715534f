package org.sovecon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;
import org.sovecon.store.StoreWriter;

/** A full disk during a build: one plain line naming the store, a failed build, nothing left behind. */
class FullDiskTest {
  @TempDir Path tmp;

  @Test
  void fullDiskIsOnePlainLine() throws Exception {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    StoreWriter.Disk full = new StoreWriter.Disk() {
      @Override
      public void load(DatasetGraph dsg, Path quads) {
        StoreWriter.Disk.REAL.load(dsg, quads);
        // What the JVM throws when a write through a memory map hits a full disk (SIGBUS).
        throw new InternalError("a fault occurred in an unsafe memory access operation");
      }

      @Override
      public long usableSpace(Path dir) {
        return 0;
      }
    };
    StringWriter err = new StringWriter();
    var built = Builds.build(layout, new PrintWriter(new StringWriter()), new PrintWriter(err), full);
    assertTrue(built.isEmpty(), "the build failed");
    assertEquals("build failed: the disk holding " + layout.storeDir() + " is full (0 MiB free while writing the new build): "
        + "free some space and build again; the store in use was not changed\n", err.toString());
    try (Stream<Path> s = Files.list(layout.storeDir().resolve("builds"))) {
      assertEquals(0, s.count(), "no .partial folder left");
    }
  }
}
