package org.sovecon.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This release of the knowledge graph: its version (the pom's, filtered into a resource at build
 * time) and how to cite it. Dump names and the dataset's metadata take the version from here.
 */
public final class Release {
  private Release() {}

  private static final String VERSION = load();

  public static String version() {
    return VERSION;
  }

  /** The recommended citation, as in CITATION.cff. */
  public static String citation() {
    return "sovecon: a knowledge graph of the early Soviet economy, 1917-1932, version " + VERSION
        + ". Built from five scholarly texts, each fact cited by source and line range. https://w3id.org/sovecon/";
  }

  /** The stem of every published file's name, e.g. {@code sovecon-0.2.0}. */
  public static String fileStem() {
    return "sovecon-" + VERSION;
  }

  private static String load() {
    try (InputStream in = Release.class.getResourceAsStream("/org/sovecon/version.properties")) {
      if (in == null) throw new IllegalStateException("no version.properties on the classpath: build with Maven");
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "");
      // Run from an IDE without Maven's resource filtering, the placeholder is still there.
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
