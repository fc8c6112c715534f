package org.sovecon.serve;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Makes, and drops, the empty Jetty objects a server is assembled from, so that their classes are
 * loaded and initialised before the server is built. {@code serve} calls it on its main thread while
 * Jena initialises on the other core: it touches no Jena class, starts nothing and binds nothing.
 * Whatever it leaves out, the build loads as it would have.
 */
public final class JettyPreload {
  private JettyPreload() {}

  public static void run() {
    Server server = new Server();
    new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new DefaultServlet()), "/");
    context.addServlet(new ServletHolder(new HttpServlet() {}), "/x/*");
    context.setErrorHandler(new ErrorHandler());
    server.setHandler(context);
  }
}
