package org.sovecon.store;

import java.io.IOException;

/** A failure caught on another thread, thrown again on the caller's as what it was. */
final class Rethrow {
  private Rethrow() {}

  /** Does nothing for {@code null}; an unchecked failure is thrown as it is, any other as an IOException. */
  static void ifAny(Throwable failure) throws IOException {
    if (failure == null) return;
    if (failure instanceof IOException io) throw io;
    if (failure instanceof RuntimeException re) throw re;
    if (failure instanceof Error err) throw err;
    throw new IOException(failure);
  }
}
