package org.sovecon.serve.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.jena.shared.PrefixMapping;
import org.sovecon.vocab.Namespaces;

/**
 * Where the pages send a link: an IRI under the base IRI this server answers for becomes a path on
 * this server (so a reader browses the deployment, not w3id.org); any other IRI stays as it is. On a
 * page shown as of a date, links to other pages keep the date ({@code ?asOf=}), so a reader browsing
 * from it stays on that date.
 *
 * <pre>
 *   new Links("https://w3id.org/sovecon/").href("https://w3id.org/sovecon/id/osvok")  // "/id/osvok"
 *   new Links("https://w3id.org/sovecon/").asOf("1927").href("https://w3id.org/sovecon/id/osvok")  // "/id/osvok?asOf=1927"
 * </pre>
 */
public record Links(String baseIri, String date) {
  private static final PrefixMapping PREFIXES = Namespaces.prefixes();

  public Links(String baseIri) {
    this(baseIri, null);
  }

  public Links {
    if (!baseIri.endsWith("/")) throw new IllegalArgumentException("the base IRI must end with '/': " + baseIri);
  }

  /** The same links, those to entity pages carrying {@code ?asOf=date}. */
  public Links asOf(String date) {
    return new Links(baseIri, date);
  }

  public String href(String iri) {
    if (iri == null) return "";
    if (!iri.startsWith(baseIri)) return iri;
    String path = "/" + iri.substring(baseIri.length());
    return date == null || !isPage(path) ? path : path + "?asOf=" + URLEncoder.encode(date, StandardCharsets.UTF_8);
  }

  /** The path of an IRI's page on this server, without any date. */
  public String path(String iri) {
    return new Links(baseIri).href(iri);
  }

  /** Whether a path is an entity page's (a fragment, as in /ontology#Organisation, is not). */
  private static boolean isPage(String path) {
    int slash = path.indexOf('/', 1);
    return slash > 0 && !path.contains("#") && !path.contains("?") && Pages.PATHS.contains(path.substring(1, slash));
  }

  /** The IRI a request path on this server stands for. */
  public String iriOf(String path) {
    return baseIri + (path.startsWith("/") ? path.substring(1) : path);
  }

  /** A prefixed name where a prefix applies ({@code sov:Organisation}), else the IRI. */
  public String shortName(String iri) {
    if (iri == null) return "";
    String s = PREFIXES.shortForm(iri);
    return s;
  }
}
