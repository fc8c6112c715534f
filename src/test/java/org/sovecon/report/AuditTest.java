package org.sovecon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marks file and the error rate. */
class AuditTest {
  @TempDir Path dir;

  @Test
  void wilsonIntervalOfKnownCases() {
    double[] none = Audit.wilson(0, 20);
    assertEquals(0.0, none[0], 1e-9);
    assertEquals(0.1611, none[1], 1e-3);
    double[] one = Audit.wilson(1, 10);
    assertEquals(0.0179, one[0], 1e-3);
    assertEquals(0.4042, one[1], 1e-3);
  }

  @Test
  void marksAreKeptOnePerStatementAndSummed() throws Exception {
    Path f = dir.resolve("audit/marks.csv");
    Audit.mark(f, "st:a", Audit.Mark.ok, "");
    Audit.mark(f, "st:b", Audit.Mark.wrong, "the text says 1926, not 1925");
    Audit.mark(f, "st:a", Audit.Mark.unsure, "");
    Audit.mark(f, "st:gone", Audit.Mark.ok, "");
    List<Audit.Marked> marks = Audit.readMarks(f);
    assertEquals(3, marks.size());
    Audit.Summary s = Audit.summary(marks, List.of("st:a", "st:b", "st:c"));
    assertEquals(0, s.ok());
    assertEquals(1, s.wrong());
    assertEquals(1, s.unsure());
    assertEquals(1, s.stale());
    assertEquals(1.0, s.rate(), 1e-9);
    assertTrue(s.text().contains("1 wrong"), s.text());
  }

  @Test
  void aBadMarkNamesFileLineAndColumn() throws Exception {
    Path f = dir.resolve("marks.csv");
    Files.writeString(f, "statement,mark,note\nst:a,ok,\nst:b,maybe,\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Audit.readMarks(f));
    assertTrue(e.getMessage().startsWith(f + ":3:2: 'maybe' is not a mark"), e.getMessage());
  }
}
