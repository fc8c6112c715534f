package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;

/** A note that hides a fact (who, when) is flagged at its cell; a curator's remark is not. */
class NoteCheckTest {
  @TempDir Path tmp;

  private List<Problem> warnings(String rows) throws IOException {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    Files.writeString(layout.dataDir().resolve("facts/notes.csv"),
        "subject,property,object,date,source,lines,note\n" + rows);
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.create().project(layout).reporter(problems).infer(false).run();
    return problems.problems().stream().filter(p -> p.code() == ProblemCode.NOTE_FACT).toList();
  }

  @Test
  void aNoteNamingAnotherEntityOrYearIsFlaggedAtItsCell() throws IOException {
    List<Problem> w = warnings("commission,createdBy,council,,testsrc,13,decided by the Old Office in 1924\n");
    assertEquals(1, w.size(), w::toString);
    assertEquals(2, w.get(0).line());
    assertEquals(7, w.get(0).column());
    assertTrue(w.get(0).message().contains("entity old-office") && w.get(0).message().contains("year 1924"), w.get(0).message());
  }

  @Test
  void quotedWordingsSourcePointersAndCarriedFactsAreNotFlagged() throws IOException {
    // "planning-office succeeded old-office" is a fact of the fixture, so the note's mention is carried.
    assertEquals(List.of(), warnings("""
        commission,createdBy,council,1925-03,testsrc,13,the text says 'by the Old Office'; testsrc L12 agrees
        planning-office,partOf,council,,testsrc,14,it replaced the Old Office in 1925
        """));
  }
}
