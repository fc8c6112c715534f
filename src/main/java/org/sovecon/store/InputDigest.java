package org.sovecon.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.sovecon.build.ProjectLayout;

/**
 * A fingerprint of everything a store is built from: the tables, the ontology, the shapes, the
 * program itself and whether the source texts were there. {@code serve} rebuilds only when it changed.
 */
public final class InputDigest {
  private InputDigest() {}

  public static String of(ProjectLayout layout) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(layout.dataDir(), layout.ontologyDir())) files.addAll(walk(dir));
    if (Files.isRegularFile(layout.shapesFile())) files.add(layout.shapesFile());
    codeLocation().ifPresent(files::add);
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : files) {
        md.update(f.toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      boolean texts = layout.sourcesDir() != null && Files.isDirectory(layout.sourcesDir());
      md.update(("texts=" + texts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> walk(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The jar this code runs from (a changed program means a stale store); none when run from classes. */
  private static java.util.Optional<Path> codeLocation() {
    try {
      Path p = Path.of(InputDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    } catch (Exception e) {
      return java.util.Optional.empty();
    }
  }
}
