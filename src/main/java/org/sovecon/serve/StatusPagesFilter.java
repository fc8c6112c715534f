package org.sovecon.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Fuseki's status pages ({@code /$/server}, {@code /$/stats}, …) describe the server's internals; they
 * answer only clients on this machine. {@code /$/ping} answers anyone.
 */
public final class StatusPagesFilter implements Filter {
  public static boolean isStatusPage(String path) {
    return path.startsWith("/$/") && !path.equals("/$/ping");
  }

  public static boolean mayRead(InetAddress client) {
    return client.isLoopbackAddress();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    String path = http.getRequestURI().substring(http.getContextPath().length());
    if (isStatusPage(path) && !mayRead(InetAddress.getByName(http.getRemoteAddr()))) {
      HostCheckFilter.refuse((HttpServletResponse) resp, HttpServletResponse.SC_FORBIDDEN,
          "The status pages answer only on this machine (loopback).");
      return;
    }
    chain.doFilter(req, resp);
  }
}
