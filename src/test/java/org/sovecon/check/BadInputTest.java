package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;

/**
 * One case per folder of src/test/resources/bad: files laid over the fixture data, and
 * {@code expected.txt}, the exact problem lines validation must print. A new case is a new folder.
 */
class BadInputTest {
  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(TestProjects.resource("bad"))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheProblemWhereItIs(String name) throws IOException {
    Path dir = TestProjects.resource("bad/" + name);
    ProjectLayout layout = TestProjects.fixture(tmp, dir);
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(problems).infer(false).run();

    List<String> printed = problems.problems().stream().map(p -> p.format(layout.root())).toList();
    assertFalse(r.ok(), "bad input must fail: " + name);
    assertTrue(problems.errorCount() > 0);
    for (String expected : Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
      if (expected.isBlank()) continue;
      assertTrue(printed.contains(expected), "expected\n  " + expected + "\nbut got\n  " + String.join("\n  ", printed));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyCaseSaysWhatItExpects(String name) throws IOException {
    List<String> lines = Files.readAllLines(TestProjects.resource("bad/" + name).resolve("expected.txt"));
    assertEquals(false, lines.stream().allMatch(String::isBlank), name + " has no expected problem");
  }
}
