package org.sovecon.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The store directory: each build in {@code builds/<time>/}, and {@code current}, a symbolic link to
 * the one being served. Swapping the link is one atomic rename, so a reader sees the old store or
 * the new one, never a half-built one.
 */
public record StoreLayout(Path root) {
  public static final String DIGEST_FILE = "input-digest.txt";

  public Path builds() {
    return root.resolve("builds");
  }

  public Path currentLink() {
    return root.resolve("current");
  }

  /** The directory of the current build, if there is one. */
  public Optional<Path> current() {
    Path link = currentLink();
    if (!Files.isSymbolicLink(link) && !Files.isDirectory(link)) return Optional.empty();
    try {
      Path real = link.toRealPath();
      return Files.isDirectory(real.resolve("tdb2")) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public Optional<String> currentDigest() {
    return current().flatMap(dir -> {
      try {
        return Optional.of(Files.readString(dir.resolve(DIGEST_FILE), StandardCharsets.UTF_8).trim());
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** The TDB2 database of the current build. */
  public Optional<Path> currentDatabase() {
    return current().map(d -> d.resolve("tdb2"));
  }
}
