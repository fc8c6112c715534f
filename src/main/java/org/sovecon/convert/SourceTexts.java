package org.sovecon.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source texts, when the build is told where they are. They are not ours to redistribute, so the
 * repository never holds them; at build time they let a citation carry its passage. A text whose
 * checksum differs from sources.csv is not used: its line numbers may not match the citations.
 */
public final class SourceTexts {
  private final Path dir;
  private final Map<String, Optional<List<String>>> cache = new HashMap<>();

  private SourceTexts(Path dir) {
    this.dir = dir;
  }

  /** The texts in a directory, or null when there is no such directory. */
  public static SourceTexts at(Path dir) {
    return dir != null && Files.isDirectory(dir) ? new SourceTexts(dir) : null;
  }

  public Path dir() {
    return dir;
  }

  /** The lines of a source text (index 0 is line 1), if present and matching its checksum. */
  public Optional<List<String>> lines(Index.SourceInfo source) {
    return cache.computeIfAbsent(source.id(), k -> load(source));
  }

  public Optional<String> passage(Index.SourceInfo source, LineRange range) {
    return lines(source).map(l -> String.join("\n", l.subList(range.start() - 1, Math.min(range.end(), l.size()))));
  }

  private Optional<List<String>> load(Index.SourceInfo source) {
    Path f = dir.resolve(source.file());
    if (!Files.isRegularFile(f)) return Optional.empty();
    try {
      byte[] bytes = Files.readAllBytes(f);
      if (!source.sha256().isEmpty() && !source.sha256().equalsIgnoreCase(sha256(bytes))) return Optional.empty();
      return Optional.of(new String(bytes, StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
