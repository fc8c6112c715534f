package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sovecon.table.Row;

class DuplicateCandidatesTest {
  private static final List<String> HEADER = List.of("id", "label", "aliases", "note");

  private static Row row(int line, String id, String label, String aliases, String note) {
    return new Row(Path.of("data/entities/organisations.csv"), line, HEADER, List.of(id, label, aliases, note));
  }

  @Test
  void sharedNameIsAWarningUntilANoteTellsThemApart() {
    Map<String, Row> e = new LinkedHashMap<>();
    e.put("vtsik", row(2, "vtsik", "VTsIK", "All-Russian Central Executive Committee", ""));
    e.put("tsik", row(3, "tsik", "TsIK", "Central Executive Committee", ""));
    e.put("vtsik-2", row(4, "vtsik-2", "V.Ts.I.K.", "vtsik", ""));
    var pairs = DuplicateCandidates.find(e);
    assertEquals(1, pairs.size(), "only vtsik and vtsik-2 share a name (case and accents ignored)");
    assertFalse(pairs.get(0).explained());

    ProblemReporter.Collecting rep = ProblemReporter.collecting();
    DuplicateCandidates.report(e, rep);
    assertEquals(0, rep.errorCount(), "a possible duplicate is a warning, not an error");
    assertEquals(1, rep.problems().size());
    assertTrue(rep.problems().get(0).format(null).startsWith("data/entities/organisations.csv:4:1: warning: possible-duplicate:"));

    e.put("vtsik-2", row(4, "vtsik-2", "V.Ts.I.K.", "vtsik", "the RSFSR body, not the same as vtsik"));
    assertTrue(DuplicateCandidates.find(e).get(0).explained());
  }
}
