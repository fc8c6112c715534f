package org.sovecon.cli;

import picocli.CommandLine;

/** Turns an unexpected exception into one line on stderr and exit code 1; the trace only with --verbose. */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    cl.getErr().println("sovecon: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
    if (parsed.hasMatchedOption("--verbose")) ex.printStackTrace(cl.getErr());
    return 1;
  }
}
