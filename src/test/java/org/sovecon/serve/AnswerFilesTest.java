package org.sovecon.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big answers kept as files: least recently used out, files deleted with their entries, a kept one readable while evicted. */
class AnswerFilesTest {
  @TempDir Path dir;

  private AnswerFiles.Entry write(AnswerFiles files, int bytes, byte fill) throws Exception {
    Path f = files.newFile();
    byte[] body = new byte[bytes];
    java.util.Arrays.fill(body, fill);
    Files.write(f, body);
    return new AnswerFiles.Entry("text/csv", "\"t" + fill + "\"", f, bytes);
  }

  @Test
  void keepsWithinItsBytesAndDeletesWhatItEvicts() throws Exception {
    AnswerFiles files = AnswerFiles.in(() -> dir, 400); // a quarter: 100 bytes an answer
    AnswerFiles.Entry a = write(files, 100, (byte) 1), b = write(files, 100, (byte) 2);
    files.put("a", a);
    files.put("b", b);
    try (var o = files.open("a").body()) { assertEquals(100, o.readAllBytes().length); } // a is now the most recent
    for (int i = 0; i < 3; i++) files.put("c" + i, write(files, 100, (byte) (10 + i)));
    assertNull(files.open("b"), "the least recently used went first");
    assertFalse(Files.exists(b.file()), "its file with it");
    assertNotNull(files.open("a"));
    assertEquals(4, files.size());
  }

  @Test
  void anAnswerOverAQuarterIsNotKeptAndItsFileGoes() throws Exception {
    AnswerFiles files = AnswerFiles.in(() -> dir, 400);
    AnswerFiles.Entry big = write(files, 101, (byte) 3);
    assertFalse(files.fits(101));
    files.put("big", big);
    assertNull(files.open("big"));
    assertFalse(Files.exists(big.file()));
  }

  @Test
  void anAnswerBeingSentSurvivesItsEviction() throws Exception {
    AnswerFiles files = AnswerFiles.in(() -> dir, 400);
    files.put("a", write(files, 100, (byte) 7));
    AnswerFiles.Opened sending = files.open("a");
    for (int i = 0; i < 4; i++) files.put("n" + i, write(files, 100, (byte) i)); // evicts "a" and deletes its file
    assertNull(files.open("a"));
    try (var in = sending.body()) {
      byte[] all = in.readAllBytes();
      byte[] expected = new byte[100];
      java.util.Arrays.fill(expected, (byte) 7);
      assertArrayEquals(expected, all, "the open file is still read whole");
    }
  }

  @Test
  void offMakesNoFolder() {
    boolean[] made = {false};
    AnswerFiles files = AnswerFiles.in(() -> { made[0] = true; return dir; }, 0);
    assertFalse(files.enabled());
    assertTrue(files == AnswerFiles.NONE);
    assertFalse(made[0]);
  }
}
