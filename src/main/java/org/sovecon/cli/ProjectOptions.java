package org.sovecon.cli;

import java.nio.file.Path;
import org.sovecon.build.ProjectLayout;
import picocli.CommandLine.Option;

/** Options every command shares: where the project, its data, its store and the source texts are. */
final class ProjectOptions {
  @Option(names = "--root", description = "The project directory (default: the directory of ./sovecon, or the current one).")
  Path root;

  @Option(names = "--data", description = "The data directory (default: ROOT/data).")
  Path data;

  @Option(names = "--store", description = "The store directory (default: ROOT/store).")
  Path store;

  @Option(names = "--sources", description = "The source texts, used at build time to attach cited passages (default: ROOT/../shared/sources, if present).")
  Path sources;

  @Option(names = "--no-sources", description = "Build without reading the source texts.")
  boolean noSources;

  @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
  boolean verbose;

  ProjectLayout layout() {
    Path r = root != null ? root : Path.of(System.getProperty("sovecon.root", "."));
    ProjectLayout l = ProjectLayout.of(r);
    if (data != null) l = l.withData(data);
    if (store != null) l = l.withStore(store);
    if (sources != null) l = l.withSources(sources);
    if (noSources) l = l.withSources(null);
    return l;
  }
}
