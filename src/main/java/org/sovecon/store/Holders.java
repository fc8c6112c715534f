package org.sovecon.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.jena.dboe.base.file.ProcessFileLock;

/**
 * Whether a process has a build open. TDB2 itself records it: a process that opens a database takes
 * an operating-system lock on its {@code tdb.lock} file and writes its process id there. The kernel
 * drops the lock when the process ends, however it ends, so a held lock always means a live holder
 * (a pid in the file alone could be stale). The probe goes through Jena's own per-JVM lock table:
 * closing a second file handle would silently drop a lock this JVM holds on the same file.
 */
public final class Holders {
  private Holders() {}

  public static final String LOCK_FILE = "tdb.lock";

  /** Who holds the TDB2 database in {@code tdb2Dir}: this process, another one, or nobody. */
  public record Holder(boolean here, OptionalLong pid) {}

  /** The holder of the database, if any. */
  public static Optional<Holder> of(Path tdb2Dir) {
    Path file = tdb2Dir.resolve(LOCK_FILE);
    if (!Files.isRegularFile(file)) return Optional.empty();
    ProcessFileLock lock;
    try {
      lock = ProcessFileLock.create(file.toString());
    } catch (RuntimeException e) {
      return Optional.empty(); // deleted under us: nobody holds it
    }
    synchronized (Holders.class) {
      if (lock.isLockedHere()) return Optional.of(new Holder(true, OptionalLong.of(ProcessHandle.current().pid())));
      if (lock.tryLock()) {
        lock.unlock();
        ProcessFileLock.release(lock);
        return Optional.empty();
      }
      ProcessFileLock.release(lock);
    }
    return Optional.of(new Holder(false, pidIn(file)));
  }

  public static boolean isHeld(Path tdb2Dir) {
    return of(tdb2Dir).isPresent();
  }

  private static OptionalLong pidIn(Path lockFile) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(lockFile).trim()));
    } catch (Exception e) {
      return OptionalLong.empty();
    }
  }
}
