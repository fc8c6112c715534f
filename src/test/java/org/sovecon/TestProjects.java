package org.sovecon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.sovecon.build.ProjectLayout;

/** Test projects: the repository's ontology and shapes with a small fixture data directory. */
public final class TestProjects {
  private TestProjects() {}

  /** The repository root (Maven passes it; running from an IDE, the working directory). */
  public static Path repoRoot() {
    return Path.of(System.getProperty("sovecon.root", ".")).toAbsolutePath().normalize();
  }

  public static Path resource(String name) {
    try {
      return Path.of(TestProjects.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource " + name, e);
    }
  }

  /** A project in {@code dir} whose data is the fixture, with the files under {@code overlay/data} put over it. */
  public static ProjectLayout fixture(Path dir, Path overlay) {
    copyTree(resource("fixture/data"), dir.resolve("data"));
    if (overlay != null && Files.isDirectory(overlay.resolve("data"))) copyTree(overlay.resolve("data"), dir.resolve("data"));
    return layout(dir, dir.resolve("data"));
  }

  /** The repository's own data, built into a store under {@code dir}. */
  public static ProjectLayout realData(Path dir) {
    return layout(dir, repoRoot().resolve("data")).withSources(repoRoot().resolve("../shared/sources"));
  }

  /** Builds the repository's data into a store under {@code dir} and opens it; fails the test on bad data. */
  public static org.apache.jena.query.Dataset builtStore(Path dir) throws IOException {
    ProjectLayout layout = realData(dir);
    var problems = org.sovecon.check.ProblemReporter.collecting();
    var r = org.sovecon.build.GraphBuild.create().project(layout).reporter(problems).run();
    if (!r.ok()) throw new AssertionError("the repository's data must build: " + problems.problems());
    var store = new org.sovecon.store.StoreLayout(layout.storeDir());
    org.sovecon.store.StoreWriter.write(r, store, org.sovecon.store.InputDigest.of(layout));
    return org.sovecon.store.StoreReader.open(store.currentDatabase().orElseThrow());
  }

  private static org.apache.jena.query.Dataset shared;

  /**
   * The repository's data built once per test JVM into a temporary directory and shared, read-only,
   * by the tests that only read it (never close it: the JVM's exit does).
   */
  public static synchronized org.apache.jena.query.Dataset sharedBuiltStore() throws IOException {
    if (shared == null) shared = builtStore(Files.createTempDirectory("sovecon-shared"));
    return shared;
  }

  private static ProjectLayout layout(Path dir, Path data) {
    Path root = repoRoot();
    return new ProjectLayout(dir, data, root.resolve("ontology"), root.resolve("shapes/sovecon-shapes.ttl"),
        dir.resolve("store"), null);
  }

  public static void copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
