package org.sovecon.serve;

import java.net.URL;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.query.Dataset;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The SPARQL server: Fuseki main with one read-only dataset, {@code /sovecon}, and the Fuseki web UI.
 * No update endpoint exists, so a SPARQL Update or a PUT is refused by Fuseki itself.
 *
 * <pre>
 *   FusekiServer s = SoveconServer.create(dataset, "127.0.0.1", 0);
 *   s.start(); int port = s.getPort();
 * </pre>
 */
public final class SoveconServer {
  private SoveconServer() {}

  public static final String DATASET = "/sovecon";

  /**
   * Builds (without starting) a server bound to {@code host}. Fuseki's builder knows only loopback or
   * every interface; any other address is set on the Jetty connector before the server starts.
   */
  public static FusekiServer create(Dataset dataset, String host, int port) {
    FusekiServer.Builder b = FusekiServer.create()
        .port(port)
        .loopback(isLoopback(host))
        .add(DATASET, dataset, false)
        .enablePing(true)
        .enableStats(true);
    String ui = uiLocation();
    if (ui != null) {
      // The UI lists datasets through /$/server; it needs no admin (write) endpoint.
      b.staticFileBase(ui).addServlet("/$/server", new ActionServerStatus());
    }
    FusekiServer server = b.build();
    for (Connector c : server.getJettyServer().getConnectors())
      if (c instanceof ServerConnector sc) sc.setHost(host);
    return server;
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  /** The UI's files ship in the jena-fuseki-ui jar, under {@code webapp/}. */
  private static String uiLocation() {
    URL u = SoveconServer.class.getClassLoader().getResource("webapp/index.html");
    if (u == null) return null;
    String s = u.toString();
    return s.substring(0, s.length() - "index.html".length());
  }
}
