package org.sovecon.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerCacheTest {
  static final int O = AnswerCache.ENTRY_OVERHEAD;

  static AnswerCache.Answer answer(int bytes) {
    return new AnswerCache.Answer("text/csv", new byte[bytes], "\"t\"");
  }

  @Test
  void theLeastRecentlyUsedAnswerGoesFirstWhenTheBytesRunOut() {
    AnswerCache c = new AnswerCache(3 * (100 + O), 200);
    c.put("a", answer(100));
    c.put("b", answer(100));
    c.put("c", answer(100));
    assertNotNull(c.get("a")); // a is now the most recently used
    c.put("d", answer(100));   // one entry too many: b, the eldest unused, goes
    assertNull(c.get("b"));
    assertNotNull(c.get("a"));
    assertNotNull(c.get("c"));
    assertNotNull(c.get("d"));
    assertEquals(3, c.size());
  }

  @Test
  void anAnswerLargerThanTheEntryLimitIsNotKept() {
    AnswerCache c = new AnswerCache(1000 + 2 * O, 200);
    c.put("big", answer(201));
    c.put("small", answer(200));
    assertNull(c.get("big"));
    assertNotNull(c.get("small"));
  }

  @Test
  void replacingAnAnswerCountsItsBytesOnce() {
    AnswerCache c = new AnswerCache(150 + 100 + 2 * O, 200);
    c.put("a", answer(150));
    c.put("a", answer(150));
    c.put("b", answer(100));
    assertNotNull(c.get("a"));
    assertNotNull(c.get("b"));
  }

  @Test
  void manyTinyAnswersAreBoundedToo() {
    AnswerCache c = new AnswerCache(10L * O, 100);
    for (int i = 0; i < 1000; i++) c.put("q" + i, answer(0));
    assertTrue(c.size() <= 10, c.size() + " empty answers kept in " + 10 * O + " bytes");
    assertNotNull(c.get("q999"));
  }

  @Test
  void aCacheOfNoBytesKeepsNothing() {
    AnswerCache c = AnswerCache.ofBytes(0);
    c.put("a", answer(0));
    c.put("b", answer(1));
    assertEquals(false, c.enabled());
    assertNull(c.get("a"));
    assertNull(c.get("b"));
  }
}
