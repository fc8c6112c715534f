package org.sovecon.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.sovecon.serve.LoadTest;
import org.sovecon.serve.LoadTest.Call;
import org.sovecon.serve.LoadTest.Phase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "loadtest", mixinStandardHelpOptions = true,
    description = {
      "Load-test a running server (./sovecon serve, on this machine): --clients clients run every query of",
      "queries/ over and over for --seconds. With --runaways N, a second phase adds N clients sending runaway",
      "queries (cartesian products, an any-direction path, a catastrophic regex, ...) and checks that the",
      "others' p99 stays within 2x of the quiet phase and that each runaway ends at the server's --timeout.",
      "Exit 1 when a check fails."
    })
final class LoadtestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:3030/sovecon/sparql", description = "The SPARQL endpoint (loopback only; default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--clients", defaultValue = "32", description = "Clients running the catalogue (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--seconds", defaultValue = "60", description = "Length of each phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--runaways", defaultValue = "0", description = "Extra clients sending runaway queries in a second phase (default: ${DEFAULT-VALUE}: quiet phase only).")
  int runaways;

  @Option(names = "--timeout", defaultValue = "30", description = "The server's query timeout in seconds, to check the runaways against (default: ${DEFAULT-VALUE}).")
  double timeout;

  @Option(names = "--queries", description = "Directory of .rq files (default: ROOT/queries).")
  Path queries;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    Path dir = queries != null ? queries : Path.of(System.getProperty("sovecon.root", ".")).resolve("queries");
    List<String> catalogue = LoadTest.catalogue(dir);
    out.printf("%d queries from %s against %s%n", catalogue.size(), dir, url);
    out.flush();
    Phase quiet = LoadTest.run(url, catalogue, clients, Duration.ofSeconds(seconds), 0);
    out.println("quiet:         " + quiet.summary());
    quiet.errorSamples().forEach(e -> out.println("  error: " + e));
    boolean ok = quiet.errors() == 0;
    if (runaways > 0) {
      out.flush();
      Phase loud = LoadTest.run(url, catalogue, clients, Duration.ofSeconds(seconds), runaways);
      out.println("with runaways: " + loud.summary());
      loud.errorSamples().forEach(e -> out.println("  error: " + e));
      double ratio = (double) loud.percentile(99) / Math.max(1, quiet.percentile(99));
      out.printf("p99 with %d runaway clients / quiet p99: %.2f (check: at most 2)%n", runaways, ratio);
      long timeoutMs = Math.round(timeout * 1000);
      long atTimeout = loud.runaways().stream().filter(c -> endedAtTimeout(c, timeoutMs)).count();
      LongSummary s = LongSummary.of(loud.runaways());
      out.printf("runaways: %d sent, %d ended with 503 at the timeout (%.0f s); durations %d..%d ms%n",
          loud.runaways().size(), atTimeout, timeout, s.min, s.max);
      loud.runaways().stream().filter(c -> !endedAtTimeout(c, timeoutMs)).limit(5)
          .forEach(c -> out.println("  runaway: " + c.status() + " after " + c.millis() + " ms " + c.error()));
      ok &= loud.errors() == 0 && ratio <= 2 && atTimeout == loud.runaways().size() && !loud.runaways().isEmpty();
    }
    out.println(ok ? "loadtest: all checks passed" : "loadtest: a check failed");
    return ok ? 0 : 1;
  }

  /** A 503 no sooner than the timeout and within 10 s after it. */
  static boolean endedAtTimeout(Call c, long timeoutMs) {
    return c.status() == 503 && c.millis() >= timeoutMs - 200 && c.millis() <= timeoutMs + 10_000;
  }

  private record LongSummary(long min, long max) {
    static LongSummary of(List<Call> calls) {
      return new LongSummary(calls.stream().mapToLong(Call::millis).min().orElse(0), calls.stream().mapToLong(Call::millis).max().orElse(0));
    }
  }
}
