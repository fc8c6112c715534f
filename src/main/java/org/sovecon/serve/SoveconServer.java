package org.sovecon.serve;

import java.net.URL;
import java.util.Set;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.Dataset;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.sovecon.serve.reconcile.ReconcileServlet;

/**
 * The SPARQL server: Fuseki main with one read-only dataset, {@code /sovecon}, and the Fuseki web UI.
 * No update endpoint exists, so a SPARQL Update or a PUT is refused by Fuseki itself.
 *
 * <p>It guards itself as {@link ServeOptions} say: each query has a timeout that cancels its work,
 * large sorts spill to disk, SERVICE calls only listed endpoints, oversized or too deeply nested
 * queries are refused ({@link GuardedQueryService}); results are buffered so an error never ends in a
 * 200 ({@link ResponseBufferFilter}); only loopback Host names are answered ({@link HostCheckFilter});
 * status pages answer only loopback clients ({@link StatusPagesFilter}); the log keeps a hash of each
 * query, not its text ({@link RequestLogFilter}). A repeated query is answered from the answers kept
 * ({@link AnswerCacheFilter}): the graph does not change while the server runs.
 *
 * <pre>
 *   FusekiServer s = SoveconServer.create(dataset, ServeOptions.defaults().withPort(0));
 *   s.start(); int port = s.getHttpPort();
 * </pre>
 */
public final class SoveconServer {
  private SoveconServer() {}

  public static final String DATASET = "/sovecon";
  /** Bytes of a response held in memory before it is streamed (see {@link ResponseBufferFilter}). */
  static final int RESPONSE_BUFFER = 8 << 20;

  /** Builds (without starting) a server bound to {@code host} with the default limits. */
  public static FusekiServer create(Dataset dataset, String host, int port) {
    return create(dataset, ServeOptions.defaults().withHost(host).withPort(port));
  }

  /**
   * Builds (without starting) the server. Fuseki's builder knows only loopback or every interface;
   * any other address is set on the Jetty connector before the server starts.
   */
  public static FusekiServer create(Dataset dataset, ServeOptions options) {
    return create(dataset, () -> org.sovecon.serve.search.TextSearch.index(dataset).dataset(), options);
  }

  /**
   * As {@link #create(Dataset, ServeOptions)}, with the dataset that answers {@code text:query} given:
   * {@code serve} loads the index while it opens the store, and wraps a copy in memory with the index of
   * the store it copied. Asked for once, after the rest of the server is set up.
   */
  public static FusekiServer create(Dataset dataset, java.util.function.Supplier<Dataset> searchable, ServeOptions options) {
    String host = options.host();
    ServicePolicy services = new ServicePolicy(options.serviceAllow(), options.serviceTimeout());
    QueryGuard guard = new QueryGuard(options.maxQueryLength(), services);
    UserActivity activity = new UserActivity();
    FusekiServer.Builder b = FusekiServer.create()
        .port(options.port())
        .loopback(isLoopback(host))
        .registerOperation(Operation.Query, new GuardedQueryService(guard, services, options.timeout()))
        // CORS on every path (endpoints and pages), preflights answered by the filter itself, so a
        // page on another origin (YASGUI, Sparnatural, Comunica, a notebook) can query the server.
        .enableCors(true, null)
        .enablePing(true)
        .enableStats(true)
        // Filters run in this order, before Fuseki's dispatch.
        .addFilter("/*", new HostCheckFilter(HostCheckFilter.acceptedNames(host, options.allowHosts())))
        .addFilter("/$/*", new StatusPagesFilter())
        .addFilter(DATASET + "/*", new RequestLogFilter(options.logQueries(), activity))
        .addFilter("/$/*", new RequestLogFilter(options.logQueries(), new UserActivity()))
        .addFilter(DATASET + "/*", new ServiceDescriptionFilter(dataset, Set.of(DATASET + "/sparql", DATASET + "/query")))
        .addFilter(DATASET + "/*", new AnswerCacheFilter(AnswerCache.ofBytes(options.answerCacheBytes()),
            AnswerFiles.in(() -> org.sovecon.store.PrivateFolder.create("sovecon-answers-"), options.answerFileBytes()),
            Set.of(DATASET, DATASET + "/sparql", DATASET + "/query"), options.release()))
        .addFilter(DATASET + "/*", new ResponseBufferFilter(RESPONSE_BUFFER))
        .addServlet(DATASET + ReconcileServlet.PATH + "/*", new ReconcileServlet(dataset));
    // The full-text index (text:query) over the store; the pages and the endpoint both read through it.
    Dataset served = searchable.get();
    b.add(DATASET, served, false);
    org.sovecon.serve.pages.Pages.register(b, served, options.baseIri());
    String ui = uiLocation();
    if (ui != null) {
      // The UI lists datasets through /$/server; it needs no admin (write) endpoint.
      b.staticFileBase(ui).addServlet("/$/server", new ActionServerStatus());
    }
    FusekiServer server = b.build();
    activity.attachTo(server);
    for (Connector c : server.getJettyServer().getConnectors())
      if (c instanceof ServerConnector sc) {
        sc.setHost(host);
        heapBuffers(sc);
      }
    return server;
  }

  /**
   * Jetty reads and writes through direct buffers by default; with a new connection per request those
   * it drops wait for a full collection of the old generation before their native memory is freed (at
   * x10, some 60 MB after eight rounds of the catalogue). Heap buffers die young; the socket copies
   * go through the JDK's per-thread temporary buffers, bounded by {@code jdk.nio.maxCachedBufferSize}.
   */
  private static void heapBuffers(ServerConnector connector) {
    HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
    if (http == null) return;
    http.getHttpConfiguration().setUseInputDirectByteBuffers(false);
    http.getHttpConfiguration().setUseOutputDirectByteBuffers(false);
  }

  /** The SPARQL endpoint as a client on this machine reaches a server bound to {@code host}. */
  public static java.net.URI endpointFromHere(String host, int port) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equals("0.0.0.0") || h.isEmpty()) h = "127.0.0.1";
    else if (h.equals("::")) h = "::1";
    return java.net.URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port + DATASET + "/sparql");
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty();
  }

  /** What to tell the operator about listening on {@code host}, if anything. */
  public static Optional<String> bindWarning(String host) {
    if (isWildcard(host))
      return Optional.of("warning: listening on every interface (" + host + "): anyone who can reach this machine can query it."
          + " Status pages still answer only on loopback; requests must name this machine in their Host header (--allow-host NAME adds names).");
    if (!isLoopback(host))
      return Optional.of("warning: listening on " + host + ", not loopback: other machines can query this server.");
    return Optional.empty();
  }

  /** The UI's files ship in the jena-fuseki-ui jar, under {@code webapp/}. */
  private static String uiLocation() {
    URL u = SoveconServer.class.getClassLoader().getResource("webapp/index.html");
    if (u == null) return null;
    String s = u.toString();
    return s.substring(0, s.length() - "index.html".length());
  }
}
