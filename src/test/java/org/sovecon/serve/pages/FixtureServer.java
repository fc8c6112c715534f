package org.sovecon.serve.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.jena.query.Dataset;
import org.sovecon.TestProjects;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;
import org.sovecon.check.ProblemReporter;
import org.sovecon.store.InputDigest;
import org.sovecon.store.StoreLayout;
import org.sovecon.store.StoreReader;
import org.sovecon.store.StoreWriter;

/** The fixture project plus three people (Pyatakov, Smirnov, and one with hostile labels), built into a store. */
final class FixtureServer {
  private FixtureServer() {}

  static final String PEOPLE = """
      pyatakov,,G. L. Pyatakov,Пятаков,Pyatakov,Pyatakov,Chaired the test commission,,testsrc,6,
      smirnov,,Ivan Smirnov,Смирнов,Smirnov,,A person named Smirnov,,testsrc,6,
      hostile,,%s,%s,,,%s,,testsrc,6,
      """;

  static Dataset build(Path dir) throws IOException {
    ProjectLayout layout = TestProjects.fixture(dir, null);
    String h = "\"" + PagesIT.HOSTILE.replace("\"", "\"\"") + "\"";
    Files.writeString(layout.dataDir().resolve("entities/people.csv"), PEOPLE.formatted(h, "\"Пятаков " + "<i>\"\"\"", h),
        StandardOpenOption.APPEND);
    var problems = ProblemReporter.collecting();
    var r = GraphBuild.create().project(layout).reporter(problems).run();
    if (!r.ok()) throw new AssertionError("the fixture must build: " + problems.problems());
    var store = new StoreLayout(layout.storeDir());
    StoreWriter.write(r, store, InputDigest.of(layout));
    return StoreReader.open(store.currentDatabase().orElseThrow());
  }
}
