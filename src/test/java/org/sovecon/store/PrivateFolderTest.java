package org.sovecon.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process's own temporary folder is named by its PID; one a dead process left is removed by the next. */
class PrivateFolderTest {
  @TempDir Path tmp;
  private String saved;

  @BeforeEach
  void pointTheTemporaryFolderHere() {
    saved = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
  }

  @AfterEach
  void restore() {
    System.setProperty("java.io.tmpdir", saved);
  }

  @Test
  void aFolderOfADeadProcessIsRemovedAndALiveOnesKept() throws Exception {
    // PIDs are below 2^22 on Linux; this one is not running.
    Path dead = Files.createDirectories(tmp.resolve("sovecon-test-99999999-1"));
    Files.writeString(dead.resolve("answer-1"), "left behind");
    Path mine = PrivateFolder.create("sovecon-test-");
    assertTrue(mine.getFileName().toString().startsWith("sovecon-test-" + ProcessHandle.current().pid() + "-"), mine.toString());
    assertFalse(Files.exists(dead), "the dead process's folder was removed");
    Path again = PrivateFolder.create("sovecon-test-");
    assertTrue(Files.isDirectory(mine), "a live process's folder is kept");
    assertTrue(Files.isDirectory(again));
    Path other = Files.createDirectories(tmp.resolve("sovecon-other-99999999-1"));
    PrivateFolder.create("sovecon-test-");
    assertTrue(Files.isDirectory(other), "another prefix is not touched");
  }
}
