package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smoke run: `./sovecon bench` at x1 against sovecon alone, two catalogue queries, one
 * round. It checks that the harness builds, serves, times, measures memory and reports, not the
 * figures themselves (those go to docs/benchmarks.md from a full run).
 */
class BenchmarkSmokeIT {
  @TempDir Path tmp;

  @Test
  void theBenchmarkRunsAndReportsItsFigures() throws Exception {
    Path json = tmp.resolve("bench.json");
    Process p = new ProcessBuilder(TestProjects.repoRoot().resolve("sovecon").toString(), "bench", "--sizes", "1",
        "--peers", "sovecon", "--rounds", "1", "--warmup", "0", "--queries", "2", "--no-baseline",
        "--out", tmp.resolve("bench").toString(), "--json", json.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("## x1:"), out);
    assertTrue(out.matches("(?s).*- sovecon: first answer [0-9.]+ s after start; peak \\d+ MB.*"), out);
    JsonObject r = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject x1 = r.getAsJsonObject("sizes").getAsJsonObject("x1");
    assertTrue(x1.getAsJsonObject("build").get("quads").getAsLong() > 100_000, "the x1 graph is the real one");
    JsonObject sovecon = x1.getAsJsonObject("peers").getAsJsonObject("sovecon");
    assertEquals(2, sovecon.getAsJsonObject("median_ms").size(), "both queries timed");
    assertTrue(sovecon.get("peak_mb").getAsDouble() > 50, "peak memory read from the live process");
    assertEquals(0, sovecon.getAsJsonObject("errors").size(), out);
  }
}
