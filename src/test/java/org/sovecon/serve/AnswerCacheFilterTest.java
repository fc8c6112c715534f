package org.sovecon.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerCacheFilterTest {
  /** A GET of the endpoint with a query, recording every method the filter calls on it. */
  static HttpServletRequest request(List<String> calls) {
    return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
          calls.add(m.getName());
          return switch (m.getName()) {
            case "getRequestURI" -> "/sovecon/sparql";
            case "getMethod" -> "GET";
            case "getParameter" -> "ASK {}";
            case "getParameterMap" -> Map.of("query", new String[] {"ASK {}"});
            case "getHeader" -> null;
            default -> null;
          };
        });
  }

  static HttpServletResponse response() {
    return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> m.getReturnType() == int.class ? 200 : null);
  }

  record Passed(ServletRequest req, ServletResponse resp) {}

  static Passed filter(AnswerCache cache, HttpServletRequest req, HttpServletResponse resp) throws Exception {
    List<Passed> passed = new ArrayList<>();
    FilterChain chain = (q, r) -> passed.add(new Passed(q, r));
    new AnswerCacheFilter(cache, Set.of("/sovecon/sparql"), "r1").doFilter(req, resp, chain);
    assertEquals(1, passed.size());
    return passed.get(0);
  }

  @Test
  void offTheRequestPassesUnreadAndUnwrapped() throws Exception {
    List<String> calls = new ArrayList<>();
    HttpServletRequest req = request(calls);
    HttpServletResponse resp = response();
    Passed p = filter(AnswerCache.ofBytes(0), req, resp);
    assertSame(req, p.req());
    assertSame(resp, p.resp(), "no response wrapper: nothing is copied");
    assertEquals(List.of(), calls, "no key computed: nothing of the request read");
  }

  @Test
  void onTheRequestIsReadForItsKeyAndTheResponseCopied() throws Exception {
    List<String> calls = new ArrayList<>();
    Passed p = filter(AnswerCache.ofBytes(1 << 20), request(calls), response());
    assertTrue(calls.contains("getParameterMap"), calls.toString());
    assertTrue(p.resp() instanceof jakarta.servlet.http.HttpServletResponseWrapper, "the answer is copied on its way out");
  }
}
