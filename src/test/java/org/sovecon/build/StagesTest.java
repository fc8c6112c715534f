package org.sovecon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagesTest {
  @Test
  void recordsEachStageInOrderWithItsTimeAndValue() throws Exception {
    Stages stages = new Stages();
    String value = stages.time("first", () -> {
      Thread.sleep(50);
      return "done";
    });
    stages.time("second", () -> {});
    assertEquals("done", value);
    List<Stages.Stage> done = stages.stages();
    assertEquals(List.of("first", "second"), done.stream().map(Stages.Stage::name).toList());
    assertTrue(done.get(0).nanos() >= 50_000_000L, "the first stage slept 50 ms: " + done.get(0));
    assertTrue(done.get(0).cpuNanos() >= 0 && done.get(0).cpuNanos() < done.get(0).nanos() + 1_000_000_000L);
    assertTrue(stages.lines().get(0).matches("  first +\\d+\\.\\d s  \\(CPU +\\d+\\.\\d s\\)   (heap after GC ≤ [\\d,]+ MiB|no collection)"),
        stages.lines().get(0));
  }

  @Test
  void aFailingStageIsRecordedAndItsCheckedExceptionPassesThrough() {
    Stages stages = new Stages();
    IOException thrown = assertThrows(IOException.class, () -> stages.time("store", () -> {
      throw new IOException("disk full");
    }));
    assertEquals("disk full", thrown.getMessage());
    assertEquals("store", stages.stages().get(0).name());
  }
}
