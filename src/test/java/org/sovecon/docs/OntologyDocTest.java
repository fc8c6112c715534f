package org.sovecon.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.convert.Ontology;
import org.sovecon.vocab.Namespaces;

/** The generated reference documents every class and property of the ontology, and the diagram is well-formed SVG. */
class OntologyDocTest {
  @TempDir Path tmp;

  @Test
  void everyTermHasASection() throws Exception {
    Path ontology = TestProjects.repoRoot().resolve("ontology");
    OntologyDoc.write(ontology, tmp);
    String html = Files.readString(tmp.resolve("index.html"));
    Model m = ModelFactory.createModelForGraph(Ontology.load(ontology).graph());
    Set<String> missing = new TreeSet<>();
    for (var type : new org.apache.jena.rdf.model.Resource[] {OWL2.Class, OWL2.ObjectProperty, OWL2.DatatypeProperty})
      m.listSubjectsWithProperty(RDF.type, type).forEachRemaining(r -> {
        if (r.isURIResource() && r.getURI().startsWith(Namespaces.SOV)) {
          String id = r.getURI().substring(Namespaces.SOV.length());
          if (!html.contains("id=\"" + id + "\"")) missing.add(id);
        }
      });
    assertEquals(Set.of(), missing);
    assertTrue(html.contains("heldPost</a> ∘ <a href=\"#postIn\">postIn</a>"), "the property chain is shown");
    var svg = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("core-classes.svg").toFile());
    assertEquals("svg", svg.getDocumentElement().getNodeName());
    assertTrue(svg.getElementsByTagName("rect").getLength() > 10);
  }
}
