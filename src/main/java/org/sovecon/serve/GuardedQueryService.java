package org.sovecon.serve;

import java.time.Duration;
import java.util.List;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQException;
import org.apache.jena.sparql.ARQInternalErrorException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL query service with this server's limits: each query's context gets the timeout,
 * spilling of large sorts to disk, the SERVICE policy and the guarded regular expressions; the text is
 * checked and parsed once ({@link QueryGuard}), and Fuseki runs the query the check parsed; and every
 * failure becomes a status with a message: 400 for a query refused, 502 for a SERVICE that failed,
 * 503 for a timeout.
 */
final class GuardedQueryService extends SPARQL_QueryDataset {
  /** Request attribute holding the query text, for the request log. */
  static final String QUERY_ATTRIBUTE = "org.sovecon.query";
  /**
   * Rows a sort, DISTINCT or the like holds in memory before it spills to temporary files. Small,
   * because Jena sorts each batch before writing it without looking at the timeout: a batch of 10,000
   * sorts in well under a second.
   */
  static final long SPILL_THRESHOLD = 10_000;

  private final QueryGuard guard;
  private final ServicePolicy services;
  private final Duration timeout;

  GuardedQueryService(QueryGuard guard, ServicePolicy services, Duration timeout) {
    this.guard = guard;
    this.services = services;
    this.timeout = timeout;
  }

  @Override
  protected void execute(String queryString, HttpAction action) {
    action.getRequest().setAttribute(QUERY_ATTRIBUTE, queryString);
    if (queryString.isEmpty()) ServletOps.errorBadRequest("Error: Empty query string");
    if (queryString.isBlank()) ServletOps.errorBadRequest("Error: Blank query string");
    QueryGuard.Verdict verdict = guard.check(queryString);
    if (verdict instanceof QueryGuard.Verdict.Refused r) ServletOps.errorBadRequest(r.reason());
    var cxt = action.getContext();
    cxt.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
    cxt.set(ARQ.spillToDiskThreshold, SPILL_THRESHOLD);
    services.configure(cxt);
    GuardedRegex.configure(cxt);
    try {
      if (verdict instanceof QueryGuard.Verdict.Unparsable u) unparsable(queryString, u.error(), action);
      run(((QueryGuard.Verdict.Accepted) verdict).query(), queryString, action);
    } catch (QueryCancelledException | CancelledWhileWriting e) {
      ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, timedOut());
    } catch (QueryExceptionHTTP e) {
      ServletOps.error(HttpSC.BAD_GATEWAY_502, "A SERVICE request failed: " + describe(e));
    } catch (HttpException e) {
      ServletOps.error(HttpSC.BAD_GATEWAY_502, "A SERVICE request failed: " + e.getMessage());
    } catch (QueryDeniedException e) {
      ServletOps.errorBadRequest(e.getMessage());
    } catch (ARQInternalErrorException e) {
      throw e;
    } catch (ARQException e) {
      // Jena's complaints about the query itself found only while planning it (e.g. a blank node <_:b>
      // as predicate, which the optimizer's statistics cannot place).
      ServletOps.errorBadRequest("The query cannot be evaluated: " + e.getMessage());
    } catch (StackOverflowError e) {
      ServletOps.errorBadRequest("The query is too complex to evaluate (it overflowed the stack). Nest fewer groups or operators.");
    }
  }

  /**
   * Fuseki's own steps after its parse ({@code SPARQLQueryProcessor.execute(String, HttpAction)}), on
   * the query the guard parsed: Fuseki's method parses the text again and serializes the query for its
   * log, whatever the log level. The query's text stands in for that serialization where Fuseki passes
   * it on (its log and an error message).
   */
  private void run(Query query, String queryString, HttpAction action) {
    validateQuery(action, query);
    action.beginRead();
    try {
      Pair<DatasetGraph, Query> chosen = decideDataset(action, query, queryString);
      Query toRun = chosen.getRight() == null ? query : chosen.getRight();
      try (QueryExec exec = createQueryExec(action, toRun, chosen.getLeft())) {
        QueryExecResult result = executeQuery(action, exec, query, queryString);
        sendResults(action, result, query.getPrologue());
      }
    } catch (QueryParseException e) {
      // A late complaint about the query (e.g. a malformed text:query string), as Fuseki words it.
      action.abortSilent();
      ServletOps.errorBadRequest("Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(e));
    } catch (QueryCancelledException e) {
      action.abortSilent();
      ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
      throw e;
    } finally {
      action.endRead();
    }
  }

  /**
   * A text that does not parse: the 400 Fuseki gives, with its message and its warning in the log.
   * Anything else the parser threw goes on as if Fuseki's own parse had thrown it.
   */
  private static void unparsable(String queryString, RuntimeException error, HttpAction action) {
    if (!(error instanceof QueryException e)) throw error;
    String message = SPARQLProtocol.messageForException(e);
    if (e instanceof QueryParseException p) message = SPARQLProtocol.messageForParseException(p);
    action.log.warn(String.format("[%d] %s", action.id, message));
    ServletOps.errorBadRequest(e instanceof QueryParseException ? message : "Error: \n" + queryString + "\n" + message);
  }

  private String timedOut() {
    return String.format("Query timed out: it ran longer than this server's limit of %s s (--timeout). "
        + "Narrow it with more specific patterns or a LIMIT.", timeout.toMillis() / 1000.0);
  }

  private static String describe(QueryExceptionHTTP e) {
    int code = e.getStatusCode();
    String msg = e.getMessage() == null ? "" : e.getMessage().strip();
    if (code > 0) return "the endpoint answered " + code + (msg.isEmpty() ? "" : " (" + firstLine(msg) + ")") + ".";
    return (msg.isEmpty() ? "no answer" : firstLine(msg)) + ".";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /**
   * Rows that report a cancellation with an exception Fuseki's writer does not catch: Fuseki would
   * otherwise append a note to the results it has written so far and keep the 200.
   */
  @Override
  protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
    if (result.isRowSet()) result = new QueryExecResult(new CancelReporting(result.rowSet()));
    super.sendResults(action, result, prologue);
  }

  static final class CancelledWhileWriting extends RuntimeException {
    CancelledWhileWriting(Throwable cause) { super(cause); }
  }

  private record CancelReporting(RowSet rows) implements RowSet {
    @Override public boolean hasNext() {
      try { return rows.hasNext(); } catch (QueryCancelledException e) { throw new CancelledWhileWriting(e); }
    }
    @Override public Binding next() {
      try { return rows.next(); } catch (QueryCancelledException e) { throw new CancelledWhileWriting(e); }
    }
    @Override public List<Var> getResultVars() { return rows.getResultVars(); }
    @Override public long getRowNumber() { return rows.getRowNumber(); }
    @Override public void close() { rows.close(); }
  }
}
