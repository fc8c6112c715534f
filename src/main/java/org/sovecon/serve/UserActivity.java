package org.sovecon.serve;

import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;

/**
 * When a user's request last reached the dataset, so that background work (the engine's warm-up)
 * runs only while nobody is asking anything. Recorded by {@link RequestLogFilter}, which sees every
 * request and knows the warm-up's own.
 */
public final class UserActivity {
  private static final String ATTRIBUTE = UserActivity.class.getName();
  private volatile long last = System.nanoTime() - Duration.ofDays(1).toNanos();

  void touch() {
    last = System.nanoTime();
  }

  /** Whether no user request has arrived for {@code quiet}. */
  public boolean quietFor(Duration quiet) {
    return System.nanoTime() - last >= quiet.toNanos();
  }

  void attachTo(FusekiServer server) {
    server.getServletContext().setAttribute(ATTRIBUTE, this);
  }

  /** The activity of a server made by {@link SoveconServer#create}. */
  public static UserActivity of(FusekiServer server) {
    return (UserActivity) server.getServletContext().getAttribute(ATTRIBUTE);
  }
}
