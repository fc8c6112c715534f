package org.sovecon.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.sovecon.convert.Ontology;
import org.sovecon.vocab.Namespaces;

/**
 * Writes the ontology's reference documentation, one self-contained HTML page (no scripts, no
 * network) in the manner of pyLODE: header, class hierarchy, every class and property with its
 * labels, definition, hierarchy, domain and range, characteristics and examples, and a diagram of
 * the core classes. Maven runs it in the package phase: {@code OntologyDoc ONTOLOGY_DIR OUT_DIR}.
 */
public final class OntologyDoc {
  private final Model m;
  private final StringBuilder html = new StringBuilder();

  private OntologyDoc(Model m) {
    this.m = m;
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[1]);
    write(Path.of(args[0]), out);
    System.out.println("ontology documentation: " + out.resolve("index.html"));
  }

  public static void write(Path ontologyDir, Path outDir) throws IOException {
    Model m = ModelFactory.createModelForGraph(Ontology.load(ontologyDir).graph());
    Files.createDirectories(outDir);
    Files.writeString(outDir.resolve("core-classes.svg"), CoreDiagram.svg(m), StandardCharsets.UTF_8);
    Files.writeString(outDir.resolve("index.html"), new OntologyDoc(m).page(), StandardCharsets.UTF_8);
  }

  /** The core-classes diagram (SVG) that the reference page shows as {@code core-classes.svg}. */
  public static String diagram(org.apache.jena.graph.Graph ontology) {
    return CoreDiagram.svg(ModelFactory.createModelForGraph(ontology));
  }

  /** The reference page for an ontology graph (the server shows it at the ontology's IRI). */
  public static String html(org.apache.jena.graph.Graph ontology) {
    return new OntologyDoc(ModelFactory.createModelForGraph(ontology)).page();
  }

  // ---- the page

  private String page() {
    Resource ont = m.getResource("https://w3id.org/sovecon/ontology");
    List<Resource> classes = ours(OWL2.Class);
    List<Resource> objectProps = ours(OWL2.ObjectProperty);
    List<Resource> dataProps = ours(OWL2.DatatypeProperty);
    List<Resource> annProps = ours(OWL2.AnnotationProperty);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(text(ont, org.apache.jena.vocabulary.DCTerms.title, "sovecon ontology")))
        .append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
    html.append("<h1>").append(esc(text(ont, org.apache.jena.vocabulary.DCTerms.title, "sovecon ontology"))).append("</h1>\n");
    html.append("<dl class=\"meta\"><dt>IRI</dt><dd><code>").append(esc(ont.getURI())).append("</code></dd>");
    html.append("<dt>Prefix</dt><dd><code>sov:</code> = <code>").append(esc(Namespaces.SOV)).append("</code></dd>");
    html.append("<dt>Version</dt><dd>").append(esc(text(ont, OWL2.versionInfo, "–"))).append("</dd>");
    String license = ont.hasProperty(org.apache.jena.vocabulary.DCTerms.license)
        ? ont.getProperty(org.apache.jena.vocabulary.DCTerms.license).getObject().toString() : "–";
    html.append("<dt>License</dt><dd>").append(esc(license)).append("</dd></dl>\n");
    html.append("<p>").append(esc(text(ont, org.apache.jena.vocabulary.DCTerms.description, ""))).append("</p>\n");
    html.append("<nav><a href=\"#diagram\">Core classes</a> · <a href=\"#hierarchy\">Class hierarchy</a> · <a href=\"#classes\">Classes (")
        .append(classes.size()).append(")</a> · <a href=\"#objectproperties\">Object properties (").append(objectProps.size())
        .append(")</a> · <a href=\"#datatypeproperties\">Datatype properties (").append(dataProps.size())
        .append(")</a> · <a href=\"#annotationproperties\">Annotation properties (").append(annProps.size()).append(")</a></nav>\n");
    html.append("<h2 id=\"diagram\">Core classes</h2>\n<p>The main kinds of thing and the properties that link them; a statement node carries a fact with its citation.</p>\n")
        .append("<img src=\"core-classes.svg\" alt=\"Diagram of the core classes and the properties between them\">\n");
    html.append("<h2 id=\"hierarchy\">Class hierarchy</h2>\n<ul class=\"tree\">");
    for (Resource root : classes) if (superClasses(root).stream().noneMatch(this::isOurs)) tree(root, new TreeSet<>());
    html.append("</ul>\n");
    section("classes", "Classes", classes, this::classBody);
    section("objectproperties", "Object properties", objectProps, this::propertyBody);
    section("datatypeproperties", "Datatype properties", dataProps, this::propertyBody);
    section("annotationproperties", "Annotation properties", annProps, this::propertyBody);
    html.append("<footer>Generated from <code>ontology/</code> by <code>org.sovecon.docs.OntologyDoc</code>.</footer></body></html>\n");
    return html.toString();
  }

  private void tree(Resource c, Set<String> seen) {
    if (!seen.add(c.getURI())) return;
    html.append("<li>").append(link(c));
    List<Resource> subs = subClasses(c);
    if (!subs.isEmpty()) {
      html.append("<ul>");
      for (Resource s : subs) tree(s, seen);
      html.append("</ul>");
    }
    html.append("</li>");
  }

  private void section(String id, String title, List<Resource> terms, java.util.function.Consumer<Resource> body) {
    html.append("<h2 id=\"").append(id).append("\">").append(title).append("</h2>\n");
    for (Resource t : terms) {
      html.append("<section class=\"term\" id=\"").append(esc(local(t))).append("\"><h3>").append(esc(label(t)))
          .append(" <code>sov:").append(esc(local(t))).append("</code></h3>\n<table>");
      row("IRI", "<code>" + esc(t.getURI()) + "</code>");
      row("Labels", labels(t));
      row("Definition", esc(text(t, SKOS.definition, "")));
      row("Comment", esc(text(t, RDFS.comment, "")));
      body.accept(t);
      for (Statement ex : t.listProperties(SKOS.example).toList()) row("Example", esc(ex.getObject().isLiteral() ? ex.getLiteral().getLexicalForm() : ex.getObject().toString()));
      html.append("</table></section>\n");
    }
  }

  private void classBody(Resource c) {
    row("Subclass of", links(superClasses(c)));
    row("Subclasses", links(subClasses(c)));
    row("Disjoint with", links(objects(c, OWL2.disjointWith)));
    row("Domain of", links(subjects(RDFS.domain, c)));
    row("Range of", links(subjects(RDFS.range, c)));
    row("Matches", links(objects(c, SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch, OWL2.equivalentClass)));
  }

  private void propertyBody(Resource p) {
    List<String> traits = new ArrayList<>();
    for (Resource t : List.of(OWL2.TransitiveProperty, OWL2.SymmetricProperty, OWL2.FunctionalProperty, OWL2.InverseFunctionalProperty, OWL2.AsymmetricProperty, OWL2.IrreflexiveProperty))
      if (p.hasProperty(RDF.type, t)) traits.add(t.getLocalName().replace("Property", ""));
    row("Characteristics", esc(String.join(", ", traits)));
    row("Domain", links(objects(p, RDFS.domain)));
    row("Range", links(objects(p, RDFS.range)));
    row("Sub-property of", links(objects(p, RDFS.subPropertyOf)));
    row("Super-property of", links(subjects(RDFS.subPropertyOf, p)));
    List<Resource> inverses = new ArrayList<>(objects(p, OWL2.inverseOf));
    inverses.addAll(subjects(OWL2.inverseOf, p));
    row("Inverse", links(inverses));
    for (Statement chain : p.listProperties(OWL2.propertyChainAxiom).toList()) {
      List<String> parts = new ArrayList<>();
      chain.getObject().as(org.apache.jena.rdf.model.RDFList.class).iterator().forEachRemaining(n -> parts.add(link(n.asResource())));
      row("Property chain", String.join(" ∘ ", parts) + " ⊑ " + link(p));
    }
    row("Matches", links(objects(p, SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch, OWL2.equivalentProperty)));
  }

  // ---- model helpers

  private List<Resource> ours(Resource type) {
    return m.listSubjectsWithProperty(RDF.type, type).toList().stream()
        .filter(this::isOurs).distinct().sorted(Comparator.comparing(this::local, String.CASE_INSENSITIVE_ORDER)).toList();
  }

  private boolean isOurs(Resource r) {
    return r.isURIResource() && r.getURI().startsWith(Namespaces.SOV);
  }

  private List<Resource> superClasses(Resource c) {
    return objects(c, RDFS.subClassOf);
  }

  private List<Resource> subClasses(Resource c) {
    return subjects(RDFS.subClassOf, c).stream().filter(this::isOurs).toList();
  }

  private List<Resource> objects(Resource s, Property... ps) {
    List<Resource> out = new ArrayList<>();
    for (Property p : ps)
      for (Statement st : s.listProperties(p).toList())
        if (st.getObject().isURIResource()) out.add(st.getObject().asResource());
    return out.stream().distinct().sorted(Comparator.comparing(Resource::getURI)).toList();
  }

  private List<Resource> subjects(Property p, Resource o) {
    return m.listSubjectsWithProperty(p, o).toList().stream().filter(Resource::isURIResource).distinct()
        .sorted(Comparator.comparing(Resource::getURI)).toList();
  }

  private String labels(Resource t) {
    List<String> out = new ArrayList<>();
    for (Property p : List.of(RDFS.label, SKOS.altLabel))
      for (Statement s : t.listProperties(p).toList())
        if (s.getObject().isLiteral()) {
          Literal l = s.getLiteral();
          out.add(esc(l.getLexicalForm()) + (l.getLanguage().isEmpty() ? "" : " <span class=\"lang\">@" + esc(l.getLanguage()) + "</span>"));
        }
    return String.join("; ", out);
  }

  private String label(Resource t) {
    for (Statement s : t.listProperties(RDFS.label).toList())
      if (s.getObject().isLiteral() && s.getLiteral().getLanguage().toLowerCase(Locale.ROOT).startsWith("en")) return s.getLiteral().getLexicalForm();
    return local(t);
  }

  private String text(Resource t, Property p, String dflt) {
    for (Statement s : t.listProperties(p).toList())
      if (s.getObject().isLiteral() && (s.getLiteral().getLanguage().isEmpty() || s.getLiteral().getLanguage().startsWith("en")))
        return s.getLiteral().getLexicalForm();
    return dflt;
  }

  private String local(Resource r) {
    String u = r.getURI();
    return u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
  }

  private String link(Resource r) {
    if (isOurs(r)) return "<a href=\"#" + esc(local(r)) + "\">" + esc(local(r)) + "</a>";
    String shown = m.shortForm(r.getURI());
    return "<code title=\"" + esc(r.getURI()) + "\">" + esc(shown) + "</code>";
  }

  private String links(List<Resource> rs) {
    return rs.stream().map(this::link).reduce((a, b) -> a + ", " + b).orElse("");
  }

  private void row(String head, String value) {
    if (value == null || value.isEmpty()) return;
    html.append("<tr><th>").append(head).append("</th><td>").append(value).append("</td></tr>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static final String CSS = """
      body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
      h1{border-bottom:2px solid #8b1a1a} h2{margin-top:2em;border-bottom:1px solid #ccc;color:#8b1a1a}
      nav{background:#f6f1ea;padding:.6em;border-radius:4px} code{background:#f4f4f4;padding:0 .2em}
      .term{border:1px solid #ddd;border-radius:4px;padding:.3em 1em;margin:1em 0} .term h3{margin:.4em 0}
      table{border-collapse:collapse;width:100%} th{text-align:left;vertical-align:top;width:11em;color:#555;font-weight:600;padding:.2em}
      td{padding:.2em} .lang{color:#888;font-size:.85em} ul.tree ul{margin:0;padding-left:1.3em}
      dl.meta dt{font-weight:600;float:left;clear:left;width:6em} dl.meta dd{margin-left:7em}
      img{max-width:100%;border:1px solid #ddd} footer{margin-top:3em;color:#888;font-size:.85em}
      """;
}
