package org.sovecon.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where checks send what they find. The check never decides whether to stop: the reporter's policy
 * does ({@link #collecting()} keeps everything for {@code validate}; a caller may stop on the count).
 */
public interface ProblemReporter {
  void report(Problem problem);

  long errorCount();

  static Collecting collecting() {
    return new Collecting();
  }

  /** Keeps every problem, in the order reported. */
  final class Collecting implements ProblemReporter {
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void report(Problem problem) {
      problems.add(problem);
    }

    @Override
    public long errorCount() {
      return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    }

    public List<Problem> problems() {
      return List.copyOf(problems);
    }
  }
}
