package org.sovecon.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuples come out in TDB2's order (column by column, unsigned), whether they fit one run or spill to disk. */
class TupleSorterTest {
  @TempDir Path tmp;

  /**
   * Leading columns with few values (as graphs and predicates are), and values with the top bit set, as
   * TDB2's inline NodeIds have: unsigned, they sort after every other.
   */
  private static List<long[]> tuples(int n, long seed) {
    Random r = new Random(seed);
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++)
      out.add(new long[] {r.nextInt(3), r.nextInt(40), r.nextBoolean() ? r.nextLong() : r.nextInt(1000), r.nextInt(5)});
    return out;
  }

  private static List<long[]> sortedBy(int runRows, Path spill, List<long[]> in) throws Exception {
    List<long[]> out = new ArrayList<>();
    try (TupleSorter s = new TupleSorter(4, runRows, spill)) {
      for (long[] t : in) s.add(t);
      for (Iterator<long[]> it = s.sorted(); it.hasNext(); ) out.add(it.next().clone());
    }
    return out;
  }

  private static List<long[]> expected(List<long[]> in) {
    List<long[]> e = new ArrayList<>(in);
    e.sort(Arrays::compareUnsigned);
    return e;
  }

  @Test
  void oneRunInMemory() throws Exception {
    List<long[]> in = tuples(50_000, 1);
    Path spill = tmp.resolve("spill");
    assertSame(expected(in), sortedBy(1 << 20, spill, in));
    assertFalse(Files.exists(spill), "a sort that fits in memory writes nothing");
  }

  @Test
  void manyRunsSpilledAndMerged() throws Exception {
    List<long[]> in = tuples(50_001, 2);
    Path spill = tmp.resolve("spill");
    assertSame(expected(in), sortedBy(4_000, spill, in));
    try (var left = Files.list(spill)) {
      assertEquals(0, left.count(), "the spilled runs are removed on close");
    }
  }

  @Test
  void nothingAndDuplicates() throws Exception {
    assertEquals(0, sortedBy(16, tmp, List.of()).size());
    List<long[]> same = new ArrayList<>();
    for (int i = 0; i < 100; i++) same.add(new long[] {7, -1, 7, i % 2});
    assertSame(expected(same), sortedBy(16, tmp.resolve("dups"), same));
  }

  private static void assertSame(List<long[]> expected, List<long[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "tuple " + i);
  }
}
