package org.sovecon.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Holds back the problems a table that could not be read causes elsewhere. When an entity or
 * source table is unreadable, every row citing one of its ids would be reported as an unknown
 * reference (1,600 lines for one bad byte in people.csv), and every thing that lost a link a shape
 * requires would break it; those are counted and said in one line instead, pointing at the table to
 * fix first. Problems of other kinds pass through.
 */
public final class FollowOns implements ProblemReporter {
  private static final Set<ProblemCode> HELD = Set.of(ProblemCode.UNKNOWN_REFERENCE, ProblemCode.UNKNOWN_SOURCE, ProblemCode.SHAPE_VIOLATION);

  private final ProblemReporter next;
  private final List<Path> unreadable;
  private long held;

  /** @param unreadable the tables that define ids and could not be read; none means nothing is held back */
  public FollowOns(ProblemReporter next, List<Path> unreadable) {
    this.next = next;
    this.unreadable = List.copyOf(unreadable);
  }

  @Override
  public void report(Problem problem) {
    if (!unreadable.isEmpty() && HELD.contains(problem.code())) held++;
    else next.report(problem);
  }

  @Override
  public long errorCount() {
    return next.errorCount() + held;
  }

  /** Reports, once, how many problems were held back and why. */
  public void finish() {
    if (held == 0) return;
    next.report(new Problem(unreadable.get(0), 0, 0, ProblemCode.UNKNOWN_REFERENCE, Problem.Severity.WARNING, String.format(
        "%,d follow-on problems (unknown references and sources, shapes) not shown: %s could not be read, and they may point to ids %s; fix %s first",
        held, unreadable.size() == 1 ? "this table" : "this table and " + (unreadable.size() - 1) + " other(s)",
        unreadable.size() == 1 ? "it defines" : "these define", unreadable.size() == 1 ? "it" : "them")));
  }
}
