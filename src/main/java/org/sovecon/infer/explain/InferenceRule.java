package org.sovecon.infer.explain;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.sovecon.vocab.Namespaces;

/**
 * The rules an explanation names: one per kind of OWL/RDFS entailment the build stores. Each is a
 * resource {@code rule:<name>} described in {@code ontology/explanations.ttl}; {@link #because} is the
 * sentence {@code ./sovecon explain} prints for it.
 */
public enum InferenceRule {
  SUB_PROPERTY("sub-property", "what holds by a sub-property holds by its super-property"),
  EQUIVALENT_PROPERTY("equivalent-property", "equivalent properties hold of the same pairs"),
  INVERSE("inverse", "a property holds backwards wherever its inverse holds"),
  SYMMETRIC("symmetric", "the property is symmetric, so it holds both ways"),
  TRANSITIVE("transitive", "the property is transitive, so two links make one"),
  PROPERTY_CHAIN("property-chain", "the property is defined as a chain of others, which hold in turn"),
  SUB_CLASS("sub-class", "every member of a sub-class is a member of its super-class"),
  EQUIVALENT_CLASS("equivalent-class", "equivalent classes have the same members"),
  DOMAIN("domain", "whatever has this property belongs to its domain"),
  RANGE("range", "whatever this property points at belongs to its range"),
  SCHEMA_INHERITANCE("schema-inheritance", "a sub-property inherits its super-property's domain and range; a domain or range includes its super-classes"),
  SAME_AS("same-as", "identical things share their statements"),
  ENTAILED("entailed", "entailed by the OWL rules in a way no simpler rule here records");

  private final String name;
  private final String because;

  InferenceRule(String name, String because) {
    this.name = name;
    this.because = because;
  }

  public String localName() {
    return name;
  }

  public String because() {
    return because;
  }

  public Node iri() {
    return NodeFactory.createURI(Namespaces.RULE + name);
  }

  public static java.util.Optional<InferenceRule> byIri(String iri) {
    for (InferenceRule r : values()) if (r.iri().getURI().equals(iri)) return java.util.Optional.of(r);
    return java.util.Optional.empty();
  }
}
