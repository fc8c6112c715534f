package org.sovecon.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.jena.sys.JenaSystem;

/**
 * Jena's initialisation begun on a second thread as the program starts, so that it overlaps reading
 * the command line (picocli's reflection, some 0.3 s on a cold JVM) instead of following it. Jena's
 * initialisation (its registries of languages, functions, assemblers, ...) is half a second of a
 * server's start.
 *
 * <p>The main thread must not touch Jena before {@link #await()} returns: Jena marks itself initialised
 * as soon as it begins, so a second thread asking for it would not wait for it to finish. The command
 * line (picocli and the commands' options) uses no Jena class.
 *
 * <pre>
 *   JenaStart.begin();          // first thing in main
 *   ...parse the command line...
 *   JenaStart.await();          // first thing in the command
 * </pre>
 */
final class JenaStart {
  private JenaStart() {}

  private static volatile FutureTask<Void> init;

  /** Starts Jena's initialisation on a daemon thread. */
  static void begin() {
    FutureTask<Void> task = new FutureTask<>(JenaSystem::init, null);
    Thread t = new Thread(task, "sovecon-jena-init");
    t.setDaemon(true);
    init = task;
    t.start();
  }

  /** Returns when Jena is initialised: waits for {@link #begin()}'s thread, or initialises it here. */
  static void await() {
    FutureTask<Void> task = init;
    if (task != null) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            task.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error err) throw err;
        throw new IllegalStateException("Jena failed to initialise: " + e.getCause(), e.getCause());
      } finally {
        if (interrupted) Thread.currentThread().interrupt();
      }
    }
    JenaSystem.init();
  }
}
