package org.sovecon.export;

import java.util.Iterator;
import java.util.function.Predicate;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.TDB2;

/**
 * A dataset seen through a quad filter, copying nothing: every lookup goes to the store and what
 * {@code keep} refuses is dropped on the way out. Being a {@link DatasetGraphWrapperView} tells ARQ
 * that queries must read this view, not the store under it; they then run on ARQ's general engine,
 * one {@code find} per triple pattern, all of them through here. When the store serves the union of
 * its named graphs as the default graph, so does the view (the project's queries rely on that). The
 * filter sees each quad with the graph it is stored in.
 */
final class FilteredView extends DatasetGraphWrapper implements DatasetGraphWrapperView {
  private final Predicate<Quad> keep;
  private final boolean unionDefault;

  FilteredView(DatasetGraph store, Predicate<Quad> keep) {
    super(store, store.getContext().copy());
    this.keep = keep;
    this.unionDefault = store.getContext().isTrue(TDB2.symUnionDefaultGraph);
  }

  @Override
  public Iterator<Quad> find() {
    return Iter.filter(super.find(), keep);
  }

  @Override
  public Iterator<Quad> find(Quad q) {
    return find(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
  }

  @Override
  public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
    // The union is read as the named graphs it is made of, so that the filter sees the real graph names.
    if (Quad.isUnionGraph(g) || (unionDefault && Quad.isDefaultGraph(g))) return findNG(Node.ANY, s, p, o);
    return Iter.filter(super.find(g, s, p, o), keep);
  }

  @Override
  public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
    if (Quad.isUnionGraph(g)) g = Node.ANY;
    return Iter.filter(super.findNG(g, s, p, o), keep);
  }

  @Override
  public boolean contains(Quad q) {
    return find(q).hasNext();
  }

  @Override
  public boolean contains(Node g, Node s, Node p, Node o) {
    return find(g, s, p, o).hasNext();
  }

  @Override
  public boolean isEmpty() {
    return !find().hasNext();
  }

  @Override
  public Graph getDefaultGraph() {
    return unionDefault ? GraphView.createUnionGraph(this) : GraphView.createDefaultGraph(this);
  }

  @Override
  public Graph getUnionGraph() {
    return GraphView.createUnionGraph(this);
  }

  @Override
  public Graph getGraph(Node graphNode) {
    if (Quad.isUnionGraph(graphNode)) return getUnionGraph();
    if (Quad.isDefaultGraph(graphNode)) return getDefaultGraph();
    return GraphView.createNamedGraph(this, graphNode);
  }
}
