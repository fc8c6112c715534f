package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;

/** The fixture every bad case starts from is itself valid, so each case fails for its own reason only. */
class FixtureIsValidTest {
  @TempDir Path tmp;

  @Test
  void fixtureValidates() {
    ProjectLayout layout = TestProjects.fixture(tmp, null);
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(problems).infer(false).run();
    assertEquals(0, problems.errorCount(), () -> problems.problems().toString());
    assertTrue(r.ok());
    assertEquals(15, r.facts(), "six fact rows, the post's postIn column, and eight rows of the model (roles, ranks, spans)");
    assertEquals(3, r.observations());
  }
}
