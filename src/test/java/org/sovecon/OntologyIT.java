package org.sovecon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.sovecon.build.GraphBuild;
import org.sovecon.check.ProblemReporter;
import org.sovecon.convert.Ontology;
import org.sovecon.vocab.Namespaces;

/**
 * The ontology as Protégé sees it: parsed by the OWL API, in the OWL 2 DL profile, and found by
 * HermiT consistent with the repository's data and free of unsatisfiable classes.
 */
class OntologyIT {
  @TempDir static Path tmp;
  static GraphBuild.Result built;

  @BeforeAll
  static void build() {
    ProblemReporter.Collecting problems = ProblemReporter.collecting();
    built = GraphBuild.create().project(TestProjects.realData(tmp)).reporter(problems).infer(false).run();
    assertTrue(built.ok(), () -> problems.problems().toString());
  }

  private static OWLOntology load(OWLOntologyManager m, Graph g) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, g, Lang.NTRIPLES);
    return m.loadOntologyFromOntologyDocument(new ByteArrayInputStream(out.toByteArray()));
  }

  private static OWLOntology ontologyFiles(OWLOntologyManager m) throws Exception {
    OWLOntology merged = m.createOntology(IRI.create("urn:sovecon:check"));
    for (Path f : Ontology.files(TestProjects.repoRoot().resolve("ontology"))) {
      OWLOntologyManager single = OWLManager.createOWLOntologyManager();
      single.getOntologyConfigurator().setMissingImportHandlingStrategy(org.semanticweb.owlapi.model.MissingImportHandlingStrategy.SILENT);
      OWLOntology o = single.loadOntologyFromOntologyDocument(f.toFile());
      m.addAxioms(merged, o.axioms());
    }
    return merged;
  }

  @Test
  void ontologyIsOwl2Dl() throws Exception {
    OWLOntology o = ontologyFiles(OWLManager.createOWLOntologyManager());
    OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
    assertTrue(report.isInProfile(), () -> report.getViolations().stream().map(Object::toString).limit(20).collect(Collectors.joining("\n")));
    assertTrue(o.getClassesInSignature().size() > 50);
  }

  @Test
  void hermitFindsTheOntologyWithTheDataConsistent() throws Exception {
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    OWLOntology o = ontologyFiles(m);
    m.addAxioms(o, load(OWLManager.createOWLOntologyManager(), built.asserted()).axioms());
    Configuration config = new Configuration();
    // Dates keep their precision as xsd:gYear and xsd:gYearMonth, which OWL 2's datatype map lacks.
    config.ignoreUnsupportedDatatypes = true;
    OWLReasoner reasoner = new ReasonerFactory().createReasoner(o, config);
    assertTrue(reasoner.isConsistent(), "the ontology with the data loaded is inconsistent");
    Set<OWLClass> unsat = reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom();
    assertEquals(Set.of(), unsat, "unsatisfiable classes");
    reasoner.dispose();
  }

  @Test
  void hermitWouldCatchAThingTypedIntoTwoDisjointClasses() throws Exception {
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    OWLOntology o = ontologyFiles(m);
    var df = m.getOWLDataFactory();
    var x = df.getOWLNamedIndividual(IRI.create(Namespaces.ID + "gosplan"));
    m.addAxiom(o, df.getOWLClassAssertionAxiom(df.getOWLClass(IRI.create(Namespaces.SOV + "Person")), x));
    m.addAxiom(o, df.getOWLClassAssertionAxiom(df.getOWLClass(IRI.create(Namespaces.SOV + "Place")), x));
    OWLReasoner reasoner = new ReasonerFactory().createReasoner(o, new Configuration());
    assertTrue(!reasoner.isConsistent(), "a person that is also a place must make the ontology inconsistent");
    reasoner.dispose();
  }

  @Test
  void everyTermHasAnEnglishLabelAndADefinitionAndEveryLabelALanguage() {
    var m = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(built.ontology());
    String q = """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?t WHERE {
          ?t a ?type FILTER(?type IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty))
          FILTER(STRSTARTS(STR(?t), "https://w3id.org/sovecon/ontology#"))
          FILTER(NOT EXISTS { ?t rdfs:label ?l FILTER(LANG(?l) = "en") } || NOT EXISTS { ?t skos:definition ?d }
                 || EXISTS { ?t rdfs:label|skos:altLabel ?x FILTER(LANG(?x) = "") })
        }""";
    List<String> bad = new java.util.ArrayList<>();
    try (var qe = org.apache.jena.query.QueryExecution.model(m).query(q).build()) {
      qe.execSelect().forEachRemaining(r -> bad.add(r.getResource("t").getURI()));
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void everyTermTheDataUsesIsDeclaredAndLabelled() {
    Graph ont = built.ontology();
    Set<String> missing = new TreeSet<>();
    built.asserted().find().forEachRemaining(t -> {
      for (Node n : List.of(t.getPredicate(), t.getPredicate().equals(RDF.type.asNode()) ? t.getObject() : t.getPredicate())) {
        if (!n.isURI() || !n.getURI().startsWith(Namespaces.SOV)) continue;
        boolean declared = ont.contains(n, RDF.type.asNode(), Node.ANY);
        boolean labelled = ont.contains(n, RDFS.label.asNode(), Node.ANY);
        if (!declared || !labelled) missing.add(n.getURI());
      }
    });
    assertEquals(Set.of(), missing, "terms used in the data but not declared and labelled in the ontology");
  }
}
