package org.sovecon.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.sovecon.export.network.Network;
import org.sovecon.export.network.NetworkFormat;
import org.sovecon.export.network.NetworkPreset;
import org.sovecon.export.network.NetworkReader;
import org.sovecon.report.DatasetDescription;
import org.sovecon.report.Release;

/**
 * A release in one directory, every file named after the version: the graph in six RDF formats, each
 * ready-made network in every network format, and the VoID/DCAT description listing them all with
 * their sizes. It writes what it is given: choosing what to publish is the {@link Selection}'s job.
 *
 * <pre>
 * List&lt;Publication.Output&gt; files = Publication.write(Selection.publishable().apply(store), dir);
 * </pre>
 */
public final class Publication {
  private Publication() {}

  /** A file written, its media type and size. */
  public record Output(Path file, String mediaType, long bytes) {}

  public static final List<RDFFormat> RDF_FORMATS = List.of(RDFFormat.TURTLE, RDFFormat.NTRIPLES, RDFFormat.RDFXML,
      RDFFormat.JSONLD, RDFFormat.TRIG, RDFFormat.NQUADS);

  public static List<Output> write(Dataset published, Path dir) throws IOException {
    Files.createDirectories(dir);
    String stem = Release.fileStem();
    List<Output> out = new ArrayList<>();
    for (RDFFormat f : RDF_FORMATS) {
      Path file = dir.resolve(stem + "." + f.getDefaultFileExtension());
      RdfExport.write(published, file, f);
      out.add(output(file, f.getDefaultMIMEType()));
    }
    Network whole = NetworkReader.read(published);
    for (NetworkPreset p : NetworkPreset.values()) {
      Network n = p.of(whole);
      for (NetworkFormat f : NetworkFormat.values())
        for (Path file : f.write(n, dir.resolve(stem + "-" + p.id() + "." + f.extension())))
          out.add(output(file, f.mediaType()));
    }
    Path voidFile = dir.resolve(stem + "-void.ttl");
    var description = DatasetDescription.of(published).withDistributions(out.stream()
        .map(o -> new DatasetDescription.Distribution(o.file().getFileName().toString(), o.mediaType(), o.bytes())).toList());
    try (var os = Files.newOutputStream(voidFile)) {
      RDFDataMgr.write(os, description.model(), Lang.TURTLE);
    }
    out.add(output(voidFile, "text/turtle"));
    return out;
  }

  private static Output output(Path file, String mediaType) throws IOException {
    return new Output(file, mediaType, Files.size(file));
  }
}
