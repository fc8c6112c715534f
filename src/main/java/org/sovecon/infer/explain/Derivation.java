package org.sovecon.infer.explain;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * One way an inferred triple follows: the rule, the ontology term whose axiom it applied (null for the
 * built-in semantics of RDFS and OWL themselves), and the premises, asserted, ontology or earlier
 * inferred triples. {@code depth} is 1 when every premise is asserted or in the ontology.
 */
public record Derivation(Triple conclusion, InferenceRule rule, Node axiom, List<Triple> premises, int depth) {}
