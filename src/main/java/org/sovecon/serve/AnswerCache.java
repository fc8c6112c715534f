package org.sovecon.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers already given, kept by the request that asked for them (its digest), least recently used
 * first out, in at most a fixed number of bytes (bodies plus a fixed cost per entry). The served graph never changes while a server runs (a new build is a
 * new server), so an answer stays right for as long as it is kept; only the memory is bounded.
 *
 * <p>Thread-safe: one lock around the map, held only to look up, insert or evict.
 */
final class AnswerCache {
  /** One answer as it was sent: its media type and body, and the tag that names it in HTTP. */
  record Answer(String contentType, byte[] body, String etag) {}

  /**
   * What an entry costs beyond its body: its key (a 64-character digest), the tag, the media type and
   * the map's own objects. Counted so that many tiny answers are bounded as well as a few big ones.
   */
  static final int ENTRY_OVERHEAD = 512;

  private final long capacity;
  private final long entryLimit;
  private long used;
  private long hits;
  private long misses;
  private final LinkedHashMap<String, Answer> entries = new LinkedHashMap<>(256, 0.75f, true);

  /**
   * @param capacity   bytes of bodies kept at most (0 keeps nothing)
   * @param entryLimit the largest body kept; larger answers are recomputed each time, so that one
   *                   big answer does not push out many small ones
   */
  AnswerCache(long capacity, long entryLimit) {
    this.capacity = capacity;
    this.entryLimit = Math.min(entryLimit, capacity);
  }

  /** A cache of {@code capacity} bytes that keeps answers of up to a sixteenth of it each. */
  static AnswerCache ofBytes(long capacity) {
    return new AnswerCache(capacity, capacity / 16);
  }

  boolean enabled() {
    return capacity > 0;
  }

  boolean fits(long bytes) {
    return bytes <= entryLimit;
  }

  synchronized Answer get(String key) {
    Answer a = entries.get(key);
    if (a == null) misses++;
    else hits++;
    return a;
  }

  synchronized void put(String key, Answer answer) {
    if (!enabled() || !fits(answer.body().length)) return;
    Answer old = entries.put(key, answer);
    if (old != null) used -= cost(old);
    used += cost(answer);
    var it = entries.entrySet().iterator();
    while (used > capacity && it.hasNext()) {
      Map.Entry<String, Answer> eldest = it.next();
      used -= cost(eldest.getValue());
      it.remove();
    }
  }

  private static long cost(Answer a) {
    return (long) a.body().length + ENTRY_OVERHEAD;
  }

  /** Answers kept, bytes they take, and lookups that found or missed one. */
  synchronized String describe() {
    return String.format("%d answers, %,d of %,d bytes; %d hits, %d misses", entries.size(), used, capacity, hits, misses);
  }

  synchronized int size() {
    return entries.size();
  }
}
