package org.sovecon.build;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How long each stage of a build took, and the most heap that was still in use after a garbage
 * collection during it: the heap a stage needs, as far as the collector saw (what is allocated and
 * dropped between two collections does not count). {@code build} prints one line per stage.
 *
 * <pre>
 *   Stages stages = new Stages();
 *   Graph g = stages.time("conversion", () -> convert());
 *   stages.lines().forEach(System.out::println);
 * </pre>
 */
public final class Stages {
  /**
   * A finished stage; {@code heapAfterGc} is -1 when no collection ran during it. Stages do not nest:
   * each measures the collections between its own start and end.
   */
  public record Stage(String name, long nanos, long cpuNanos, long heapAfterGc) {
    public String line() {
      String heap = heapAfterGc < 0 ? "no collection" : String.format(Locale.ROOT, "heap after GC ≤ %,d MiB", heapAfterGc >> 20);
      return String.format(Locale.ROOT, "  %-18s %7.1f s  (CPU %6.1f s)   %s", name, nanos / 1e9, cpuNanos / 1e9, heap);
    }
  }

  /** CPU time of the whole process (every thread, the collector's included); on a shared machine it says more than wall time. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());

  private final List<Stage> done = new ArrayList<>();
  /** The largest heap in use after a collection since the current stage began. */
  private final AtomicLong afterGc = new AtomicLong(-1);

  /** A stage's work, which may throw a checked exception (an I/O error of the store, say). */
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /** A stage's work that gives nothing back. */
  public interface Step<E extends Exception> {
    void run() throws E;
  }

  public <T, E extends Exception> T time(String name, Work<T, E> work) throws E {
    NotificationListener listener = (n, handback) -> recordCollection(n);
    List<NotificationEmitter> emitters = listen(listener);
    afterGc.set(-1);
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    try {
      return work.run();
    } finally {
      long nanos = System.nanoTime() - t0;
      long cpu = cpuNanos() - c0;
      for (NotificationEmitter e : emitters) {
        try {
          e.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException ignored) {
          // never added: the emitter refused it
        }
      }
      int n;
      synchronized (done) {
        done.add(new Stage(name, nanos, cpu, afterGc.get()));
        n = done.size();
      }
      if (HISTOGRAMS != null) writeHistogram(n, stages().get(n - 1));
    }
  }

  public <E extends Exception> void time(String name, Step<E> work) throws E {
    this.<Void, E>time(name, () -> {
      work.run();
      return null;
    });
  }

  public List<Stage> stages() {
    synchronized (done) {
      return List.copyOf(done);
    }
  }

  /** One line per stage, in the order they ran. */
  public List<String> lines() {
    return stages().stream().map(Stage::line).toList();
  }

  /**
   * A folder to write a class histogram of the live heap into after each stage, for profiling
   * ({@code -Dsovecon.stages.histograms=DIR}; docs/benchmarks.md). Each forces a full collection, so
   * the timings of such a run are not the build's.
   */
  private static final String HISTOGRAMS = System.getProperty("sovecon.stages.histograms");

  private static void writeHistogram(int n, Stage stage) {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      java.nio.file.Path dir = java.nio.file.Path.of(HISTOGRAMS);
      java.nio.file.Files.createDirectories(dir);
      String file = String.format(Locale.ROOT, "%02d-%s.txt", n, stage.name().replaceAll("[^A-Za-z0-9]+", "-"));
      // The stage's line first: a build that runs out of memory later never prints its lines.
      java.nio.file.Files.writeString(dir.resolve(file), stage.line() + "\n" + text);
    } catch (Exception e) {
      System.err.println("sovecon: no class histogram after " + stage.name() + ": " + e);
    }
  }

  private static List<NotificationEmitter> listen(NotificationListener listener) {
    List<NotificationEmitter> out = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        out.add(e);
      }
    }
    return out;
  }

  private void recordCollection(Notification n) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    // The collection reports every pool it knows of; only the heap's count.
    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
        .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    afterGc.accumulateAndGet(used, Math::max);
  }
}
