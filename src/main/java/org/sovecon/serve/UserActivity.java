package org.sovecon.serve;

import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;

/**
 * When a user's request last reached the dataset, so that background work (the engine's warm-up,
 * opening the text index) runs only while nobody is asking anything. Recorded by
 * {@link RequestLogFilter}, which sees every request and knows the warm-up's own. It starts as if a
 * request had just come: the first moments after a start belong to the first users' queries, which
 * meet a cold JVM anyway and should not share the second core with background work.
 */
public final class UserActivity {
  private static final String ATTRIBUTE = UserActivity.class.getName();
  private volatile long last = System.nanoTime();

  void touch() {
    last = System.nanoTime();
  }

  /** Whether no user request has arrived for {@code quiet}. */
  public boolean quietFor(Duration quiet) {
    return System.nanoTime() - last >= quiet.toNanos();
  }

  /**
   * Runs {@code work} on a daemon thread named {@code name} once no user request has arrived for
   * {@code quiet}, counting from now at the earliest; returns at once.
   */
  public Thread whenQuiet(Duration quiet, Runnable work, String name) {
    long from = System.nanoTime();
    Thread t = new Thread(() -> {
      try {
        while (!quietFor(quiet) || System.nanoTime() - from < quiet.toNanos()) Thread.sleep(Math.max(10, quiet.toMillis() / 5));
      } catch (InterruptedException e) {
        return;
      }
      work.run();
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  void attachTo(FusekiServer server) {
    server.getServletContext().setAttribute(ATTRIBUTE, this);
  }

  /** The activity of a server made by {@link SoveconServer#create}. */
  public static UserActivity of(FusekiServer server) {
    return (UserActivity) server.getServletContext().getAttribute(ATTRIBUTE);
  }
}
