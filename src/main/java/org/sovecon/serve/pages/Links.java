package org.sovecon.serve.pages;

import org.apache.jena.shared.PrefixMapping;
import org.sovecon.vocab.Namespaces;

/**
 * Where the pages send a link: an IRI under the base IRI this server answers for becomes a path on
 * this server (so a reader browses the deployment, not w3id.org); any other IRI stays as it is.
 *
 * <pre>
 *   new Links("https://w3id.org/sovecon/").href("https://w3id.org/sovecon/id/osvok")  // "/id/osvok"
 * </pre>
 */
public record Links(String baseIri) {
  private static final PrefixMapping PREFIXES = Namespaces.prefixes();

  public Links {
    if (!baseIri.endsWith("/")) throw new IllegalArgumentException("the base IRI must end with '/': " + baseIri);
  }

  public String href(String iri) {
    if (iri == null) return "";
    return iri.startsWith(baseIri) ? "/" + iri.substring(baseIri.length()) : iri;
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
