package org.sovecon.export.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The network file formats, chosen by the file's extension. Each writes the same nodes, edges and
 * {@link Columns}; CSV writes two files (FILE-nodes.csv and FILE-edges.csv).
 */
public enum NetworkFormat {
  GEXF("gexf", "application/gexf+xml", new GexfWriter()),
  GRAPHML("graphml", "application/graphml+xml", new GraphmlWriter()),
  CSV("csv", "text/csv", new CsvWriter()),
  CYTOSCAPE("cyjs", "application/json", new CytoscapeWriter());

  /** Writes one network to one path; returns the files written. */
  interface Writer {
    List<Path> write(Network network, Path file) throws IOException;
  }

  private final String extension;
  private final String mediaType;
  private final Writer writer;

  NetworkFormat(String extension, String mediaType, Writer writer) {
    this.extension = extension;
    this.mediaType = mediaType;
    this.writer = writer;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public static Optional<NetworkFormat> forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> name.endsWith("." + f.extension)).findFirst();
  }

  public static String extensions() {
    return Arrays.stream(values()).map(NetworkFormat::extension).collect(Collectors.joining(", "));
  }

  /** Writes {@code network} to {@code file} (creating its directory); returns the files written. */
  public List<Path> write(Network network, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) java.nio.file.Files.createDirectories(parent);
    return writer.write(network, file);
  }
}
