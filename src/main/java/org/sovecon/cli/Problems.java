package org.sovecon.cli;

import java.io.PrintWriter;
import org.sovecon.build.ProjectLayout;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemReporter;

/** Prints collected problems, compiler style, relative to the project directory. */
final class Problems {
  private Problems() {}

  static void print(ProblemReporter.Collecting problems, ProjectLayout layout, PrintWriter err) {
    for (Problem p : problems.problems()) err.println(p.format(layout.root()));
    err.flush();
  }
}
