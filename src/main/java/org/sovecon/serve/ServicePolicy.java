package org.sovecon.serve;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Which SERVICE endpoints a query may call. A query naming any other endpoint, a variable endpoint,
 * or any endpoint at all when federation is off, is refused before it runs ({@link #refusal}); and
 * as a second line, the SERVICE executor this policy installs refuses the same at run time. Allowed
 * calls go through an HTTP client with a connect timeout that never follows redirects (a redirect
 * could lead off the list), and with a timeout on the answer. The client is made at the first SERVICE
 * call ({@link LazyHttpClient}), not at the start: making one sets up TLS, which no other query needs.
 */
final class ServicePolicy {
  private final List<String> allowed;
  private final Duration timeout;
  private final LazyHttpClient client;
  private final ServiceExecutorRegistry executors;

  ServicePolicy(List<String> allowed, Duration timeout) {
    this.allowed = List.copyOf(allowed);
    this.timeout = timeout;
    this.client = new LazyHttpClient(
        () -> HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build());
    ChainingServiceExecutor guard = (opExecute, opOriginal, binding, execCxt, chain) -> {
      refusal(opExecute).ifPresent(msg -> { throw new QueryDeniedException(msg); });
      return chain.createExecution(opExecute, opOriginal, binding, execCxt);
    };
    this.executors = ServiceExecutorRegistry.get().copy().addSingleLink(guard);
  }

  List<String> allowed() {
    return allowed;
  }

  /** The client SERVICE calls go through; it makes the real one at its first request. */
  LazyHttpClient client() {
    return client;
  }

  void configure(Context cxt) {
    cxt.set(ARQ.httpServiceAllowed, !allowed.isEmpty());
    cxt.set(ARQ.httpQueryClient, client);
    cxt.set(ARQ.httpQueryTimeout, timeout.toMillis());
    ServiceExecutorRegistry.set(cxt, executors);
  }

  /** Why this SERVICE may not run, or empty when it may. */
  Optional<String> refusal(OpService op) {
    Node endpoint = op.getService();
    String shown = endpoint.isURI() ? "<" + endpoint.getURI() + ">" : endpoint.toString();
    String silent = op.getSilent() ? "SERVICE SILENT " : "SERVICE ";
    if (allowed.isEmpty())
      return Optional.of(silent + shown + " refused: this server does not call other endpoints (it was started with --no-federation).");
    if (!endpoint.isURI())
      return Optional.of(silent + shown + " refused: the endpoint must be written as a URL, one of " + listed() + ".");
    if (!allowed.contains(endpoint.getURI()))
      return Optional.of(silent + shown + " refused: this server calls only " + listed() + " (add one with --service-allow URL).");
    return Optional.empty();
  }

  private String listed() {
    return String.join(", ", allowed.stream().map(u -> "<" + u + ">").toList());
  }
}
