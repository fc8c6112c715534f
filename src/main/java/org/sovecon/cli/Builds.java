package org.sovecon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.sovecon.build.GraphBuild;
import org.sovecon.build.ProjectLayout;
import org.sovecon.build.Stages;
import org.sovecon.check.ProblemReporter;
import org.sovecon.store.InputDigest;
import org.sovecon.store.StoreFullException;
import org.sovecon.store.StoreLayout;
import org.sovecon.store.StoreWriter;

/** The build operation shared by {@code build} and {@code serve}: check, convert, infer, load, swap. */
final class Builds {
  private Builds() {}

  /** @return the new store directory, or empty when the tables have errors (printed to err) */
  static Optional<Path> build(ProjectLayout layout, PrintWriter out, PrintWriter err) throws IOException {
    return build(layout, out, err, StoreWriter.Disk.REAL);
  }

  static Optional<Path> build(ProjectLayout layout, PrintWriter out, PrintWriter err, StoreWriter.Disk disk) throws IOException {
    long t0 = System.nanoTime();
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    Stages stages = new Stages();
    GraphBuild.Result r = GraphBuild.create().project(layout).reporter(problems).infer(true).stages(stages).run();
    Problems.print(problems, layout, err);
    if (!r.ok()) {
      err.println("build failed: " + problems.errorCount() + " error(s); the store in use was not changed");
      err.flush();
      return Optional.empty();
    }
    String digest = InputDigest.of(layout);
    // Counted now: the store writer empties the graphs once they are on disk.
    String counts = String.format("%d entities, %d facts, %d observations; %d triples asserted, %d inferred, %d in the ontology; %d explaining the inferences, %d linking claims",
        r.index().entities().size(), r.facts(), r.observations(),
        r.asserted().size(), r.inferred().size(), r.ontology().size(), r.explanations().size(), r.claimLinks().size());
    Path dir;
    try {
      dir = StoreWriter.writeAndRelease(r, new StoreLayout(layout.storeDir()), digest, disk, stages);
    } catch (StoreFullException e) {
      err.println("build failed: " + e.getMessage() + "; the store in use was not changed");
      err.flush();
      return Optional.empty();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    out.printf("built %s in %.1f s: %s%n", layout.root().relativize(dir), secs, counts);
    // Where the time and the heap went, one line per stage (docs/benchmarks.md reads them at x10 and x100).
    stages.lines().forEach(out::println);
    out.flush();
    return Optional.of(dir);
  }

  static boolean isStale(ProjectLayout layout) throws IOException {
    Optional<String> current = new StoreLayout(layout.storeDir()).currentDigest();
    return current.isEmpty() || !current.get().equals(InputDigest.of(layout));
  }
}
