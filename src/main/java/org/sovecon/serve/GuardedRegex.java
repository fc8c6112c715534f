package org.sovecon.serve;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * REGEX and REPLACE that stop when their query is cancelled. Java's regular expressions cannot be
 * interrupted, and a pattern such as {@code ((a+)+)+b} backtracks for hours on a short string, so a
 * query timeout alone would leave the thread spinning. Here the matcher reads the string through a
 * {@link CharSequence} that checks the query's cancel signal as it goes.
 *
 * <p>{@link #configure} puts into a query's context: an optimizer that first turns the REGEX and
 * REPLACE operators into calls of {@code sparql:regex} and {@code sparql:replace} (which also keeps
 * them from being evaluated while the plan is made, before the timeout can cancel anything); a
 * function registry in which those IRIs, {@code fn:matches} and {@code fn:replace} are the guarded
 * versions; and a property function registry without {@code apf:strSplit}, which splits on a regex.
 */
final class GuardedRegex {
  private GuardedRegex() {}

  static final String SPARQL_REGEX = ARQConstants.sparqlPrefix + "regex";
  static final String SPARQL_REPLACE = ARQConstants.sparqlPrefix + "replace";
  static final String FN_MATCHES = ARQConstants.fnPrefix + "matches";
  static final String FN_REPLACE = ARQConstants.fnPrefix + "replace";
  static final String APF_STRSPLIT = "http://jena.apache.org/ARQ/property#strSplit";

  private static final FunctionRegistry functions = guardedFunctions();
  private static final PropertyFunctionRegistry propertyFunctions = withoutStrSplit();
  private static final RewriteFactory optimizer = cxt -> {
    var standard = Optimize.stdOptimizationFactory.create(cxt);
    return op -> standard.rewrite(toGuardedCalls(op));
  };

  static void configure(Context cxt) {
    FunctionRegistry.set(cxt, functions);
    PropertyFunctionRegistry.set(cxt, propertyFunctions);
    cxt.set(ARQConstants.sysOptimizerFactory, optimizer);
  }

  static Op toGuardedCalls(Op op) {
    return Transformer.transform(new TransformCopy(), new ExprTransformCopy() {
      @Override
      public Expr transform(ExprFunctionN func, ExprList args) {
        if (func instanceof E_Regex) return new E_Function(SPARQL_REGEX, args);
        if (func instanceof E_StrReplace) return new E_Function(SPARQL_REPLACE, args);
        return super.transform(func, args);
      }
    }, op);
  }

  private static FunctionRegistry guardedFunctions() {
    org.sovecon.asof.HoldsOn.register(); // copied below with the rest, whichever class the JVM loads first
    FunctionRegistry r = FunctionRegistry.createFrom(FunctionRegistry.get());
    r.put(SPARQL_REGEX, uri -> new Regex());
    r.put(FN_MATCHES, uri -> new Regex());
    r.put(SPARQL_REPLACE, uri -> new Replace());
    r.put(FN_REPLACE, uri -> new Replace());
    return r;
  }

  private static PropertyFunctionRegistry withoutStrSplit() {
    PropertyFunctionRegistry r = PropertyFunctionRegistry.createFrom(PropertyFunctionRegistry.get());
    r.remove(APF_STRSPLIT);
    return r;
  }

  /** The text a matcher reads, checking every few thousand reads whether the query was cancelled. */
  static final class Cancellable implements CharSequence {
    private final String text;
    private final AtomicBoolean cancel;
    private int reads;

    Cancellable(String text, AtomicBoolean cancel) {
      this.text = text;
      this.cancel = cancel;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0 && (cancel.get() || Thread.currentThread().isInterrupted()))
        throw new QueryCancelledException();
      return text.charAt(index);
    }

    @Override public int length() { return text.length(); }
    @Override public CharSequence subSequence(int start, int end) { return new Cancellable(text.substring(start, end), cancel); }
    @Override public String toString() { return text; }
  }

  private static AtomicBoolean cancelSignal(FunctionEnv env) {
    AtomicBoolean s = env == null ? null : Context.getCancelSignal(env.getContext());
    return s != null ? s : new AtomicBoolean(false);
  }

  /** A pattern, compiled once per call site while its text and flags stay the same. */
  private abstract static class PatternFunction extends FunctionBase {
    private String lastKey;
    private Pattern last;

    Pattern pattern(String label, String pattern, String flags) {
      String key = flags + "\u0000" + pattern;
      if (!key.equals(lastKey)) {
        if (flags != null && !flags.matches("[smixq]*"))
          throw new ExprEvalException(label + ": only 'smixq' are legal as pattern flags: got \"" + flags + "\"");
        last = RegexEngine.makePattern(label, pattern, flags);
        lastKey = key;
      }
      return last;
    }

    @Override
    public NodeValue exec(List<NodeValue> args) {
      return exec(args, null);
    }
  }

  /** REGEX(text, pattern [, flags]), as {@link E_Regex} evaluates it. */
  static final class Regex extends PatternFunction {
    @Override
    public void checkBuild(String uri, ExprList args) {
      if (args.size() != 2 && args.size() != 3) throw new ExprEvalException("REGEX: wanted 2 or 3 arguments, got " + args.size());
    }

    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
      Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
      if (!args.get(1).isString()) throw new ExprEvalException("REGEX: the pattern is not a string: " + args.get(1));
      String flags = null;
      if (args.size() == 3) {
        if (!args.get(2).isString()) throw new ExprEvalException("REGEX: the flags are not a string: " + args.get(2));
        flags = args.get(2).getString();
      }
      Pattern p = pattern("REGEX", args.get(1).getString(), flags);
      return NodeValue.booleanReturn(p.matcher(new Cancellable(text.getLiteralLexicalForm(), cancelSignal(env))).find());
    }
  }

  /** REPLACE(text, pattern, replacement [, flags]), as Jena's XSDFuncOp.strReplace evaluates it. */
  static final class Replace extends PatternFunction {
    @Override
    public void checkBuild(String uri, ExprList args) {
      if (args.size() != 3 && args.size() != 4) throw new ExprEvalException("REPLACE: wanted 3 or 4 arguments, got " + args.size());
    }

    @Override
    protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
      String pat = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(1)).getLiteralLexicalForm();
      String flags = args.size() == 4 ? NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(3)).getLiteralLexicalForm() : null;
      Pattern p = pattern("REPLACE", pat, flags);
      NodeValue str = args.get(0);
      Node n = NodeValueOps.checkAndGetStringLiteral("REPLACE", str);
      String rep = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
      String lex = n.getLiteralLexicalForm();
      String x = replaceAll(p.matcher(new Cancellable(lex, cancelSignal(env))), rep);
      if (x == null || x.equals(lex)) return str;
      return NodeValue.makeNode(NodeFactory.createLiteral(x, n.getLiteralLanguage(), n.getLiteralDatatype()));
    }

    /** Jena's rule: after the first match, matches of the empty string are skipped. */
    private static String replaceAll(Matcher m, String rep) {
      try {
        StringBuilder sb = null;
        while (m.find()) {
          if (sb == null) sb = new StringBuilder();
          else if (m.start() == m.end()) continue;
          m.appendReplacement(sb, rep);
        }
        if (sb == null) return null;
        m.appendTail(sb);
        return sb.toString();
      } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
        throw new ExprEvalException("REPLACE: " + e.getMessage(), e);
      }
    }
  }
}
