package org.sovecon.serve.search;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.sovecon.store.TextIndexFiles;

/**
 * The build's text index, opened on a thread of its own when {@link #load()} is first called, or when
 * a search first needs it, whichever comes first. A server starts answering without it: opening it
 * (linking the build's files, loading Lucene's classes, reading its segments) is work no other query
 * needs, and at the start it would compete for the second core with the first queries.
 *
 * <pre>
 *   DeferredIndex index = new DeferredIndex(buildDir.resolve("text-index"));
 *   Dataset served = TextSearch.over(store, index);   // text:query waits for the index, nothing else does
 *   server.start();
 *   index.load();
 * </pre>
 */
public final class DeferredIndex {
  private final Path dir;
  private final CompletableFuture<TextIndex> index = new CompletableFuture<>();
  private final CompletableFuture<EntityDefinition> definition = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * Starts working out what the index indexes (its fields and their properties, from its assembler
   * description) on a thread of its own: Jena's assembler expands the description with its RDFS
   * reasoner, a few hundred classes and a few tenths of a second that the server's build need not
   * wait for until it makes the searchable dataset.
   */
  public DeferredIndex(Path dir) {
    this.dir = dir;
    Thread t = new Thread(() -> {
      try {
        definition.complete(TextIndexFiles.entityDefinition());
      } catch (Throwable e) {
        definition.completeExceptionally(e);
      }
    }, "sovecon-text-definition");
    t.setDaemon(true);
    t.start();
  }

  /** Starts opening the index on a daemon thread, unless that has started; returns at once. */
  public void load() {
    if (!started.compareAndSet(false, true)) return;
    Thread t = new Thread(() -> {
      try {
        index.complete(TextSearch.load(dir));
      } catch (Throwable e) {
        index.completeExceptionally(e);
      }
    }, "sovecon-text-index");
    t.setDaemon(true);
    t.start();
  }

  /** Whether the index is open (or failed to open). */
  public boolean isDone() {
    return index.isDone();
  }

  /** The index, opened now if nothing had asked for it yet: what a search waits for. */
  TextIndex get() {
    load();
    return index.join();
  }

  /** What the index indexes. */
  EntityDefinition definition() {
    return definition.join();
  }

  /** The index as it loads, for {@link LoadingTextIndex}. */
  CompletableFuture<TextIndex> future() {
    return index;
  }
}
