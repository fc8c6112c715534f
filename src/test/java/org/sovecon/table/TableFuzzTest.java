package org.sovecon.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.build.ProjectLayout;
import org.sovecon.check.CycleCheck;
import org.sovecon.check.FollowOns;
import org.sovecon.check.Problem;
import org.sovecon.check.ProblemCode;
import org.sovecon.check.ProblemReporter;
import org.sovecon.convert.Converter;
import org.sovecon.convert.Index;
import org.sovecon.convert.Ontology;
import org.sovecon.convert.OriginIndex;

/**
 * Random mutations of real tables (bytes, quotes, commas, line breaks, cuts, long runs) must give
 * either a table or clean problems with a file and a line: never an exception. Two levels: the
 * reader alone on the repository's own tables, and reading, indexing, converting and the cycle
 * check on the test fixture with one of its files mutated.
 *
 * <p>The suite runs a few hundred cases; the long run is
 * {@code mvn -B -q test -Dtest=TableFuzzTest -Dfuzz.cases=10000} (figures in docs/safety.md).
 */
class TableFuzzTest {
  @TempDir Path tmp;

  private static final int CASES = Integer.getInteger("fuzz.cases", 300);
  private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
  /** Problems about a whole file or a whole table, which have no line. */
  private static final Set<ProblemCode> FILE_LEVEL = Set.of(ProblemCode.UNDESCRIBED_TABLE, ProblemCode.MISSING_FILE,
      ProblemCode.TOO_LARGE, ProblemCode.UNKNOWN_CLASS);

  /** What the fuzzer found: outcomes by kind, and every failure in full. */
  private static final class Tally {
    final Map<String, Integer> outcomes = new TreeMap<>();
    final List<String> failures = new ArrayList<>();

    void count(String outcome) {
      outcomes.merge(outcome, 1, Integer::sum);
    }
  }

  @Test
  void readerGivesATableOrAProblemWithALine() throws IOException {
    List<Path> tables;
    try (Stream<Path> s = Files.walk(TestProjects.repoRoot().resolve("data"))) {
      tables = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    Random rnd = new Random(SEED);
    Tally tally = new Tally();
    Path file = tmp.resolve("mutated.csv");
    for (int i = 0; i < CASES; i++) {
      Path original = tables.get(rnd.nextInt(tables.size()));
      byte[] bytes = mutate(Files.readAllBytes(original), rnd);
      Files.write(file, bytes);
      try {
        TableReader.read(file, TableKind.FACTS, null);
        tally.count("read");
      } catch (TableReader.BadTable e) {
        tally.count(e.code().id());
        if (e.line() <= 0 && e.code() != ProblemCode.TOO_LARGE)
          tally.failures.add("case " + i + " (" + original.getFileName() + "): no line: " + e.getMessage());
      } catch (Throwable t) {
        tally.failures.add("case " + i + " (" + original.getFileName() + "): " + trace(t));
      }
    }
    report("reader", tally);
  }

  @Test
  void validationGivesOnlyCleanProblems() throws IOException {
    ProjectLayout layout = TestProjects.fixture(tmp.resolve("project"), null);
    Path data = layout.dataDir();
    List<Path> files;
    try (Stream<Path> s = Files.walk(data)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    Map<Path, byte[]> originals = new TreeMap<>();
    for (Path f : files) originals.put(f, Files.readAllBytes(f));
    Ontology ontology = Ontology.load(layout.ontologyDir());
    Random rnd = new Random(SEED + 1);
    Tally tally = new Tally();
    int cases = Math.max(1, CASES / 3);
    for (int i = 0; i < cases; i++) {
      Path target = files.get(rnd.nextInt(files.size()));
      Files.write(target, mutate(originals.get(target), rnd));
      ProblemReporter.Collecting problems = ProblemReporter.collecting();
      try {
        Inputs inputs = Inputs.read(data, problems);
        FollowOns checks = new FollowOns(problems, inputs.unreadable().stream().map(Inputs.Unreadable::file).toList());
        Index index = Index.build(inputs, checks);
        var graph = GraphFactory.createDefaultGraph();
        OriginIndex origins = new OriginIndex();
        new Converter(ontology, index, checks, StreamRDFLib.graph(graph), origins, null).convert(inputs);
        CycleCheck.check(ontology.graph(), graph, origins, checks);
        checks.finish();
        if (problems.errorCount() == 0) tally.count("valid");
        for (Problem p : problems.problems()) {
          tally.count(p.code().id());
          boolean summary = p.severity() == Problem.Severity.WARNING && p.line() == 0;
          if (p.file() == null || (p.line() <= 0 && !FILE_LEVEL.contains(p.code()) && !summary))
            tally.failures.add("case " + i + " (" + target.getFileName() + "): no place: " + p.format(data.getParent()));
        }
      } catch (Throwable t) {
        tally.failures.add("case " + i + " (" + target.getFileName() + "): " + trace(t));
      } finally {
        Files.write(target, originals.get(target));
      }
    }
    report("validation", tally);
  }

  private static void report(String what, Tally tally) {
    int total = tally.outcomes.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("fuzz %s: %d cases (seed %d, -Dfuzz.cases=%d), outcomes %s, %d failures%n",
        what, what.equals("reader") ? CASES : Math.max(1, CASES / 3), SEED, CASES, tally.outcomes, tally.failures.size());
    tally.failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
    assertTrue(total > 0);
    assertEquals(List.of(), tally.failures.stream().limit(5).toList(), "every case ends in a table or clean problems");
  }

  private static String trace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString().lines().limit(6).reduce((a, b) -> a + "\n    " + b).orElse("");
  }

  // ---- mutations

  /** One to three random edits of the kinds a careless editor or a broken export makes. */
  static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in;
    int edits = 1 + rnd.nextInt(3);
    for (int e = 0; e < edits; e++) b = edit(b, rnd);
    return b;
  }

  private static byte[] edit(byte[] b, Random rnd) {
    int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
    return switch (rnd.nextInt(13)) {
      case 12 -> replaceCell(b, at, Long.toString(Math.abs(rnd.nextLong())).getBytes()); // a number too big for its column
      case 0 -> insert(b, at, new byte[] {(byte) (0x80 + rnd.nextInt(0x80))}); // a Latin-1 or stray high byte
      case 1 -> { // overwrite a byte with any value
        if (b.length == 0) yield b;
        byte[] c = b.clone();
        c[rnd.nextInt(c.length)] = (byte) rnd.nextInt(256);
        yield c;
      }
      case 2 -> insert(b, at, new byte[] {'"'});
      case 3 -> remove(b, indexOf(b, (byte) '"', at), 1);
      case 4 -> insert(b, at, new byte[] {','});
      case 5 -> insert(b, at, switch (rnd.nextInt(3)) {
        case 0 -> new byte[] {'\n'};
        case 1 -> new byte[] {'\r', '\n'};
        default -> new byte[] {'\r'};
      });
      case 6 -> remove(b, at, 1 + rnd.nextInt(40));
      case 7 -> java.util.Arrays.copyOf(b, at); // truncated
      case 8 -> insert(b, at, "\"\",\"a \"\"b\"\" c\",".getBytes());
      case 9 -> rnd.nextInt(20) == 0 ? insert(b, at, "x".repeat(TableReader.MAX_CELL_CHARS + 1).getBytes()) : insert(b, at, new byte[] {'"', ','});
      case 10 -> rnd.nextInt(30) == 0 ? new byte[0] : insert(b, at, "\u00a0\u2013\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      default -> insert(b, at, String.valueOf(rnd.nextLong()).getBytes()); // digits where a date or a line range was
    };
  }

  /** Replaces the cell after the first comma at or after {@code at} with {@code what}. */
  private static byte[] replaceCell(byte[] b, int at, byte[] what) {
    int start = indexOf(b, (byte) ',', at);
    if (start < 0) return b;
    int end = start + 1;
    while (end < b.length && b[end] != ',' && b[end] != '\n' && b[end] != '\r') end++;
    return insert(remove(b, start + 1, end - start - 1), start + 1, what);
  }

  private static int indexOf(byte[] b, byte x, int from) {
    for (int i = 0; i < b.length; i++) {
      int j = (from + i) % b.length;
      if (b[j] == x) return j;
    }
    return -1;
  }

  private static byte[] insert(byte[] b, int at, byte[] what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
    out.write(b, 0, at);
    out.write(what, 0, what.length);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  private static byte[] remove(byte[] b, int at, int n) {
    if (at < 0 || at >= b.length) return b;
    int end = Math.min(b.length, at + n);
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(b, 0, at);
    out.write(b, end, b.length - end);
    return out.toByteArray();
  }
}
