package org.sovecon.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The note check's name index proposes every name the word-by-word check would find, and no stranger. */
class NoteCheckNameIndexTest {
  private static final Set<String> NAMES = Set.of("rykov", "kulak", "marxism-leninism", "leninism",
      "supreme council of the national economy", "15th congress", "'left' communists", "osvok");

  @Test
  void proposesWhatTheWordCheckFinds() {
    String note = "rykov and the kulaks, per marxism-leninism; the 15th congress and the supreme council of the national economy; 'left' communists";
    var index = new NoteCheck.NameIndex(NAMES);
    Set<String> found = new TreeSet<>();
    for (String n : index.candidates(note)) if (MentionCheck.containsWord(note, n)) found.add(n);
    Set<String> everyName = new TreeSet<>();
    for (String n : NAMES) if (MentionCheck.containsWord(note, n)) everyName.add(n);
    assertEquals(everyName, found);
    assertEquals(Set.of("rykov", "kulak", "marxism-leninism", "leninism", "supreme council of the national economy",
        "15th congress", "'left' communists"), found);
  }

  @Test
  void aNameMidWordIsNotProposed() {
    var index = new NoteCheck.NameIndex(Set.of("mir"));
    assertEquals(Set.of(), index.candidates("smirnov wrote"));
  }

  @Test
  void namesThatShareAFirstWordAreProposedOnlyWhereTheNextWordFits() {
    var index = new NoteCheck.NameIndex(Set.of("rykov", "rykov c2", "rykov c3", "left opposition", "world war i"));
    assertEquals(Set.of("rykov"), index.candidates("rykov and bukharin"));
    assertEquals(Set.of("rykov", "rykov c2"), index.candidates("rykov c2 spoke"));
    assertEquals(Set.of("left opposition"), index.candidates("the left oppositions, the left wing"));
    assertEquals(Set.of("world war i"), index.candidates("after world war i"));
  }
}
