package org.sovecon.asof;

import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.ARQInternalErrorException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.sovecon.vocab.Namespaces;

/**
 * The SPARQL function {@code sov:holdsOn(?statement, D)}: true when the statement may hold on D, by
 * {@link Span}'s reading of its dates. D is an xsd:date, or a string such as "1927-12-01", "1927-12"
 * or "1927" (then: at some time in that month or year). An undated statement gives false; an
 * unreadable D is an evaluation error (the row is dropped, as SPARQL does with bad arguments).
 *
 * <pre>
 *   HoldsOn.register();   // once per JVM; the store and the server do it
 *   SELECT ?who ?post { ?who p:heldPost ?st . ?st ps:heldPost ?post . FILTER(sov:holdsOn(?st, "1927-12-01"^^xsd:date)) }
 * </pre>
 */
public final class HoldsOn implements Function {
  public static final String IRI = Namespaces.SOV + "holdsOn";

  public static void register() {
    FunctionRegistry.get().put(IRI, HoldsOn.class);
  }

  @Override
  public void build(String uri, ExprList args, Context context) {
    if (args.size() != 2) throw new QueryBuildException("sov:holdsOn takes two arguments: a statement and a date");
  }

  @Override
  public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
    if (args == null || args.size() != 2) throw new ARQInternalErrorException("sov:holdsOn: two arguments");
    Node st = args.get(0).eval(binding, env).asNode();
    NodeValue date = args.get(1).eval(binding, env);
    Optional<Span> on = date.isLiteral() ? Span.parse(date.asNode().getLiteralLexicalForm()) : Optional.empty();
    if (on.isEmpty()) throw new ExprEvalException("sov:holdsOn: '" + date + "' is not a date (1927-12-01, 1927-12 or 1927)");
    if (!st.isURI()) return NodeValue.FALSE;
    return NodeValue.booleanReturn(Standing.of(env.getDataset().getUnionGraph(), st, on.get()) == Standing.HOLDS);
  }
}
