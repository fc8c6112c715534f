package org.sovecon.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The version is one number: the pom's, and CITATION.cff, the release notes and the licences agree with it. */
class ReleaseTest {
  static Path root() {
    return Path.of(System.getProperty("sovecon.root", ".")).toAbsolutePath().normalize();
  }

  @Test
  void theVersionComesFromThePomAndEveryPublishedDocumentStatesIt() throws Exception {
    String v = Release.version();
    assertTrue(v.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), "version '" + v + "' (Maven resource filtering ran?)");
    String pom = Files.readString(root().resolve("pom.xml"));
    assertTrue(pom.contains("<version>" + v + "</version>"), "pom.xml states " + v);
    String cff = Files.readString(root().resolve("CITATION.cff"));
    assertTrue(cff.lines().anyMatch(l -> l.equals("version: " + v)), "CITATION.cff states version " + v);
    assertTrue(Files.readString(root().resolve("docs/CHANGES.md")).contains("## " + v + " "), "docs/CHANGES.md has notes for " + v);
    assertTrue(Release.fileStem().equals("sovecon-" + v));
  }

  @Test
  void bothLicencesAreThereAndTheReadmeNamesThem() throws Exception {
    assertTrue(Files.readString(root().resolve("LICENSE")).contains("Apache License"));
    assertTrue(Files.readString(root().resolve("LICENSE-DATA")).contains("Attribution 4.0 International"));
    String readme = Files.readString(root().resolve("README.md"));
    assertTrue(readme.contains("CC BY 4.0") && readme.contains("Apache-2.0"), "README states both licences");
  }
}
