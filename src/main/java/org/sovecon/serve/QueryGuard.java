package org.sovecon.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ZeroOrMore1;
import org.apache.jena.sparql.path.P_ZeroOrMoreN;
import org.apache.jena.sparql.path.Path;

/**
 * Checks a query's text before it runs, and parses it once for the engine: its length, how deeply it
 * nests, the SERVICE endpoints it names and the Java-class functions it would load. What it parses is
 * what runs ({@link Verdict.Accepted}), so the text is parsed once per request.
 *
 * <p>Parsing a deeply nested query recurses once per level, and so do the steps after it. A text with
 * at most {@link #SHALLOW_TEXT} brackets and operators cannot nest deeper than that, so it is checked
 * on the request's own thread, whose stack handles {@link #MAX_DEPTH} levels through parsing,
 * optimising and evaluating. Any other text is checked on a thread with a large stack: a query that
 * overflows even that stack, or that nests deeper than {@link #MAX_DEPTH}, gets a plain refusal
 * instead of a StackOverflowError somewhere in Jena.
 */
final class QueryGuard {
  /** Deepest nesting of the query's algebra accepted (levels of groups, operators and function calls). */
  static final int MAX_DEPTH = 300;
  /**
   * Most brackets and operators a text may hold to be checked on the request's thread. Every level of
   * nesting (in the text, the algebra or an expression) needs at least one of them, so such a text
   * nests at most this deep: half the limit the request threads are known to handle. The catalogue's
   * queries hold 1 to 124 (explain/0-why.rq).
   */
  static final int SHALLOW_TEXT = MAX_DEPTH / 2;
  /**
   * Most alternatives (and negated properties) inside a repeated path step. Jena computes a path
   * closure per start node without looking at the cancel flag; issue 10's {@code (<x>|!<x>|^!<x>)*}
   * counts 6 and still stops within seconds of the timeout.
   */
  static final int MAX_CLOSURE_CHOICES = 8;
  private static final long CHECK_STACK = 256L << 20;
  private static final ExecutorService checkers = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(null, r, "sovecon-query-check", CHECK_STACK);
    t.setDaemon(true);
    return t;
  });

  /** What the check decided about one text. */
  sealed interface Verdict {
    /** The query may run: here it is, parsed. */
    record Accepted(Query query) implements Verdict {}

    /** The query may not run, and why (a 400). */
    record Refused(String reason) implements Verdict {}

    /** The text does not parse; the parser's exception is reported as Fuseki reports it. */
    record Unparsable(RuntimeException error) implements Verdict {}
  }

  /** Texts whose verdict is kept, and the longest text kept: the catalogue's queries are 0.2 to 6 KiB. */
  static final int KEPT_VERDICTS = 128;
  static final int KEPT_TEXT = 16 * 1024;

  private final int maxLength;
  private final ServicePolicy services;
  private final Function<String, Query> parser;
  /**
   * The verdicts of recent texts. A text's verdict never changes while the server runs (the policy is
   * fixed at start), and parsing is the largest part of a small query's CPU (about 0.3 µs a character,
   * comments included): a repeated text gets a copy of the query parsed the first time.
   */
  private final java.util.LinkedHashMap<String, Verdict> kept = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Verdict> eldest) {
      return size() > KEPT_VERDICTS;
    }
  };

  QueryGuard(int maxLength, ServicePolicy services) {
    this(maxLength, services, text -> QueryFactory.create(text, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ));
  }

  /** With the parser given: Fuseki's (the default, SPARQL with ARQ's extensions), or a test's. */
  QueryGuard(int maxLength, ServicePolicy services, Function<String, Query> parser) {
    this.maxLength = maxLength;
    this.services = services;
    this.parser = parser;
  }

  /** The query parsed and checked, or why it may not run; a text checked before gets a copy of its first verdict. */
  Verdict check(String text) {
    Verdict earlier;
    synchronized (kept) {
      earlier = kept.get(text);
    }
    if (earlier != null)
      // Each request gets its own copy: Fuseki and ARQ may set things on the query they run.
      return earlier instanceof Verdict.Accepted a ? new Verdict.Accepted(a.query().cloneQuery()) : earlier;
    Verdict v = checkAnew(text);
    if (text.length() <= KEPT_TEXT && !(v instanceof Verdict.Refused r && r.reason().equals(STOPPING))) {
      Verdict keep = v instanceof Verdict.Accepted a ? new Verdict.Accepted(a.query().cloneQuery()) : v;
      synchronized (kept) {
        kept.put(text, keep);
      }
    }
    return v;
  }

  private static final String STOPPING = "The server is stopping.";

  private Verdict checkAnew(String text) {
    if (text.length() > maxLength)
      return new Verdict.Refused(String.format("The query is %,d characters long; this server accepts at most %,d characters (--max-query-length).",
          text.length(), maxLength));
    if (structureCount(text) <= SHALLOW_TEXT) {
      try {
        return inspect(text);
      } catch (StackOverflowError e) {
        return new Verdict.Refused(tooDeep("more than the parser can follow"));
      } catch (RuntimeException e) {
        return new Verdict.Refused("The query could not be checked: " + e); // as below: it does not run unchecked
      }
    }
    Future<Verdict> f = checkers.submit(() -> inspect(text));
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      return new Verdict.Refused(STOPPING);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StackOverflowError) return new Verdict.Refused(tooDeep("more than the parser can follow"));
      // The query parsed but could not be checked: it does not run unchecked.
      return new Verdict.Refused("The query could not be checked: " + e.getCause());
    }
  }

  private Verdict inspect(String text) {
    Query query;
    try {
      query = parser.apply(text);
    } catch (QueryParseException e) {
      // Jena's parser reports an overflow of its own recursion as a parse error.
      if (String.valueOf(e.getMessage()).contains("StackOverflowError") || e.getCause() instanceof StackOverflowError)
        return new Verdict.Refused(tooDeep("more than the parser can follow"));
      return new Verdict.Unparsable(e);
    } catch (RuntimeException e) {
      return new Verdict.Unparsable(e); // e.g. a malformed regex pattern, which Fuseki reports as a bad query
    } catch (StackOverflowError e) {
      return new Verdict.Refused(tooDeep("more than the parser can follow"));
    }
    int nesting = bracketDepth(text);
    if (nesting > MAX_DEPTH) return new Verdict.Refused(tooDeep(String.format("%,d levels of brackets", nesting)));
    Op op = Algebra.compile(query);
    int depth = depth(op);
    if (depth > MAX_DEPTH) return new Verdict.Refused(tooDeep(String.format("%,d levels", depth)));
    Optional<String> refused = scan(op);
    return refused.isPresent() ? new Verdict.Refused(refused.get()) : new Verdict.Accepted(query);
  }

  private static String tooDeep(String how) {
    return "The query nests too deeply (" + how + "); this server accepts at most " + MAX_DEPTH
        + " levels of nested groups, operators and function calls. Write long lists of alternatives as VALUES or IN (...).";
  }

  /** How deeply the algebra nests: the depth of brackets in its S-expression, outside strings and IRIs. */
  static int depth(Op op) {
    String sse = op.toString();
    int depth = 0, max = 0;
    for (int i = 0; i < sse.length(); i++) {
      char c = sse.charAt(i);
      if (c == '"') {
        for (i++; i < sse.length() && sse.charAt(i) != '"'; i++) if (sse.charAt(i) == '\\') i++;
      } else if (c == '<') {
        int end = sse.indexOf('>', i);
        if (end > 0 && sse.substring(i, end).indexOf(' ') < 0) i = end;
      } else if (c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    return max;
  }

  /**
   * How deeply the text nests brackets, as the parser recurses: ( [ { outside strings, IRIs and
   * comments. (Nested groups vanish from the algebra, so {@link #depth(Op)} does not see them.)
   */
  static int bracketDepth(String q) {
    int[] depth = {0, 0};
    walkStructure(q, c -> {
      if (c == '(' || c == '[' || c == '{') depth[1] = Math.max(depth[1], ++depth[0]);
      else if (c == ')' || c == ']' || c == '}') depth[0]--;
    });
    return depth[1];
  }

  /**
   * How many characters of the text open a bracket or write an operator, outside strings, IRIs,
   * comments and variable names: an upper bound on how deeply anything parsed from it can nest (a
   * group, a sequence of groups, an OPTIONAL, a FILTER, an operator of an expression or of a path each
   * needs one).
   */
  static int structureCount(String q) {
    int[] n = {0};
    walkStructure(q, c -> {
      if ("([{|&!=<>+-*/^?$".indexOf(c) >= 0) n[0]++;
    });
    return n[0];
  }

  /**
   * Feeds {@code each} the characters of the query's syntax: what is left once strings, IRIs,
   * comments and variable names are skipped.
   */
  private static void walkStructure(String q, java.util.function.IntConsumer each) {
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      switch (c) {
        case '#' -> { while (i < q.length() && q.charAt(i) != '\n') i++; }
        case '"', '\'' -> {
          boolean longString = q.startsWith(String.valueOf(c).repeat(3), i);
          String close = longString ? String.valueOf(c).repeat(3) : String.valueOf(c);
          for (i += close.length(); i < q.length() && !q.startsWith(close, i); i++) if (q.charAt(i) == '\\') i++;
          i += close.length() - 1;
        }
        case '<' -> {
          int j = i + 1;
          while (j < q.length() && "<>\"{}|^`\\ \t\r\n".indexOf(q.charAt(j)) < 0) j++;
          if (j < q.length() && q.charAt(j) == '>') i = j;
          else each.accept(c);
        }
        case '?', '$' -> {
          int j = i + 1;
          while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || q.charAt(j) == '_')) j++;
          if (j == i + 1) each.accept(c);
          else i = j - 1;
        }
        default -> each.accept(c);
      }
    }
  }

  /** The first SERVICE the policy refuses, or Java-class function the query would load. */
  private Optional<String> scan(Op op) {
    List<String> refusals = new ArrayList<>();
    OpVisitorBase ops = new OpVisitorBase() {
      @Override public void visit(OpService s) { services.refusal(s).ifPresent(refusals::add); }
      @Override public void visit(OpBGP bgp) { bgp.getPattern().forEach(t -> javaIri(t.getPredicate(), refusals)); }
      @Override public void visit(OpTriple t) { javaIri(t.getTriple().getPredicate(), refusals); }
      @Override public void visit(OpPath p) {
        javaIri(p.getTriplePath().getPredicate(), refusals);
        if (p.getTriplePath().getPath() != null && costlyClosure(p.getTriplePath().getPath()))
          refusals.add("The property path " + p.getTriplePath().getPath() + " repeats (* or +) a choice of more than "
              + MAX_CLOSURE_CHOICES + " steps; each repetition tries every one against the whole graph, and such a path cannot be"
              + " stopped at the timeout. Split it into several queries.");
      }
    };
    ExprVisitorBase exprs = new ExprVisitorBase() {
      @Override
      public void visit(ExprFunctionN f) {
        if (f instanceof E_Function call && call.getFunctionIRI().startsWith("java:"))
          refusals.add("Functions named by a java: IRI are not available here: <" + call.getFunctionIRI() + ">.");
      }
    };
    Walker.walk(op, ops, exprs);
    return refusals.stream().findFirst();
  }

  /** A path repeated without bound whose step is a choice among more than {@link #MAX_CLOSURE_CHOICES} steps. */
  static boolean costlyClosure(Path p) {
    boolean unbounded = p instanceof P_ZeroOrMore1 || p instanceof P_ZeroOrMoreN || p instanceof P_OneOrMore1
        || p instanceof P_OneOrMoreN || (p instanceof P_Mod m && m.getMax() < 0);
    if (unbounded && choices(((P_Path1) p).getSubPath()) > MAX_CLOSURE_CHOICES) return true;
    if (p instanceof P_Path1 p1) return costlyClosure(p1.getSubPath());
    if (p instanceof P_Path2 p2) return costlyClosure(p2.getLeft()) || costlyClosure(p2.getRight());
    return false;
  }

  private static int choices(Path p) {
    if (p instanceof P_NegPropSet n) return 1 + n.getNodes().size();
    if (p instanceof P_Path1 p1) return choices(p1.getSubPath());
    if (p instanceof P_Path2 p2) return choices(p2.getLeft()) + choices(p2.getRight()) + (p instanceof P_Alt ? 1 : 0);
    return 0;
  }

  private static void javaIri(Node predicate, List<String> refusals) {
    if (predicate != null && predicate.isURI() && predicate.getURI().startsWith("java:"))
      refusals.add("Property functions named by a java: IRI are not available here: <" + predicate.getURI() + ">.");
  }
}
