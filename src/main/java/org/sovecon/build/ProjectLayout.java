package org.sovecon.build;

import java.nio.file.Path;

/**
 * Where a project's inputs and outputs are. Defaults follow the repository layout; each can be
 * overridden from the command line.
 */
public record ProjectLayout(Path root, Path dataDir, Path ontologyDir, Path shapesFile, Path storeDir, Path sourcesDir) {

  public static ProjectLayout of(Path root) {
    Path r = root.toAbsolutePath().normalize();
    return new ProjectLayout(r, r.resolve("data"), r.resolve("ontology"), r.resolve("shapes/sovecon-shapes.ttl"),
        r.resolve("store"), r.resolve("../shared/sources").normalize());
  }

  public ProjectLayout withData(Path p) {
    return new ProjectLayout(root, abs(p), ontologyDir, shapesFile, storeDir, sourcesDir);
  }

  public ProjectLayout withStore(Path p) {
    return new ProjectLayout(root, dataDir, ontologyDir, shapesFile, abs(p), sourcesDir);
  }

  public ProjectLayout withSources(Path p) {
    return new ProjectLayout(root, dataDir, ontologyDir, shapesFile, storeDir, p == null ? null : abs(p));
  }

  public ProjectLayout withOntology(Path p) {
    return new ProjectLayout(root, dataDir, abs(p), shapesFile, storeDir, sourcesDir);
  }

  private static Path abs(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
