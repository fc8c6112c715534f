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
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers only requests whose Host header names this server: the loopback names, the address it was
 * told to listen on, and names added with {@code --allow-host}. A web page from another site that
 * points its own name at 127.0.0.1 (DNS rebinding) sends its name as Host, and is refused.
 */
final class HostCheckFilter implements Filter {
  static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Set<String> accepted;
  private final boolean any;

  HostCheckFilter(Set<String> accepted) {
    this.accepted = Set.copyOf(accepted);
    this.any = accepted.contains("*");
  }

  /**
   * The names a server bound to {@code bindHost} answers to. Bound to every interface, that includes
   * the addresses of this machine's interfaces and its host name.
   */
  static Set<String> acceptedNames(String bindHost, List<String> allowHosts) {
    Set<String> names = new LinkedHashSet<>(LOOPBACK_NAMES);
    if (SoveconServer.isWildcard(bindHost)) {
      try {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces()))
          for (InetAddress a : Collections.list(ni.getInetAddresses())) names.add(literal(a));
      } catch (SocketException e) {
        // No interface list: the loopback names and --allow-host still apply.
      }
      try {
        names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
      } catch (IOException e) {
        // No host name: as above.
      }
    } else {
      names.add(normalise(bindHost));
    }
    allowHosts.forEach(h -> names.add(normalise(h)));
    return names;
  }

  private static String literal(InetAddress a) {
    String s = a.getHostAddress();
    int zone = s.indexOf('%');
    if (zone >= 0) s = s.substring(0, zone);
    return s.contains(":") ? "[" + s + "]" : s;
  }

  /** A Host header without its port, lower case, IPv6 in brackets, without a final dot. */
  static String normalise(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      h = end > 0 ? h.substring(0, end + 1) : h;
    } else if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) {
      h = h.substring(0, h.indexOf(':'));
    } else if (h.indexOf(':') >= 0) {
      h = "[" + h + "]"; // a bare IPv6 address
    }
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    return h;
  }

  boolean accepts(String hostHeader) {
    return any || hostHeader == null || accepted.contains(normalise(hostHeader));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
    String host = ((HttpServletRequest) req).getHeader("Host");
    if (accepts(host)) {
      chain.doFilter(req, resp);
      return;
    }
    String shown = host.length() > 100 ? host.substring(0, 100) + "..." : host;
    refuse((HttpServletResponse) resp, HttpServletResponse.SC_FORBIDDEN,
        "Host '" + shown + "' is not accepted: this server answers to " + String.join(", ", accepted)
            + ". Start it with --allow-host NAME to add a name.");
  }

  static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/plain;charset=utf-8");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
