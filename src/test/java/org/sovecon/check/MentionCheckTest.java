package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MentionCheckTest {
  @Test
  void wordsBrokenAcrossLinesAreJoinedAndNoteNumbersDropped() {
    assertEquals("the Eleventh Congress met", MentionCheck.readable("the Eleventh Con-\ngress met"));
    assertEquals("held in the Lubyanka cellars", MentionCheck.readable("held in the Lubyanka36 cellars"));
    assertEquals("Stalin-Bukharin bloc", MentionCheck.readable("Stalin-Bukharin bloc"));
    assertEquals("the Five-Year Plan", MentionCheck.readable("the Five-\nYear Plan"), "a compound keeps its hyphen");
  }
}
