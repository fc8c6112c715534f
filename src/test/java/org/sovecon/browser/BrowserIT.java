package org.sovecon.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovecon.TestProjects;
import org.sovecon.serve.SoveconServer;

/**
 * The pages, search and the query editor in a real browser (headless Chromium), over the repository's
 * own data: an entity page renders, its date picker shows it as of a date, a search with a romanised spelling finds its entity, a catalogue
 * query runs in YASGUI and its rendered result is read back, and a page served from another origin
 * (a second loopback port) queries the endpoint across origins. Without Chromium the tests are
 * skipped with a message, except in CI (CI=true), where they fail.
 */
class BrowserIT {
  @TempDir static Path tmp;
  static Dataset dataset;
  static FusekiServer server;
  static HttpServer otherOrigin;
  static Chromium chromium;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    if (!Chromium.installed() && !ci)
      Assumptions.abort("BrowserIT skipped: " + Chromium.EXECUTABLE + " is not installed (apt-get install chromium); CI runs it");
    dataset = TestProjects.sharedBuiltStore();
    server = SoveconServer.create(dataset, "127.0.0.1", 0);
    server.start();
    base = "http://127.0.0.1:" + server.getHttpPort();
    otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    otherOrigin.createContext("/", x -> {
      byte[] page = crossOriginPage(base + "/sovecon/sparql").getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
      x.sendResponseHeaders(200, page.length);
      x.getResponseBody().write(page);
      x.close();
    });
    otherOrigin.start();
    chromium = Chromium.start(tmp.resolve("profile"));
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (otherOrigin != null) otherOrigin.stop(0);
    if (server != null) server.stop();
  }

  /** A page that asks the endpoint with a content type that makes the browser send a preflight first. */
  static String crossOriginPage(String endpoint) {
    return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>waiting</title></head><body><script>
        fetch(%s, { method: "POST", headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json" },
                    body: "SELECT ?label WHERE { <https://w3id.org/sovecon/id/osvok> <https://w3id.org/sovecon/ontology#displayLabel> ?label }" })
          .then(r => r.json()).then(j => { document.title = "ok:" + j.results.bindings[0].label.value; })
          .catch(e => { document.title = "error:" + e; });
        </script></body></html>
        """.formatted("\"" + endpoint + "\"");
  }

  @Test
  void entityPageRenders() throws Exception {
    chromium.navigate(base + "/id/osvok");
    chromium.waitFor("document.querySelector('h1') && document.querySelector('h1').textContent === 'Osvok'", "document.body.innerText");
    assertTrue(Integer.parseInt(chromium.evalString("String(document.querySelectorAll('.statement').length)")) >= 5, "statements shown");
    String text = chromium.evalString("document.body.innerText");
    assertTrue(text.contains("ОСВОК"), "the Cyrillic name");
    assertTrue(text.contains("Presidium of the VSNKh"), "a statement's value");
    assertTrue(text.contains("lines 2563-2566"), "its citation");
  }

  @Test
  void datePickerShowsTheEntityAsOfADate() throws Exception {
    chromium.navigate(base + "/id/kamenev");
    chromium.waitFor("document.querySelector('form.asof input[type=date][name=day]')", "document.body.innerText");
    chromium.eval("document.querySelector('form.asof input[name=day]').value = '1927-12-01'; document.querySelector('form.asof').requestSubmit(); true");
    chromium.waitFor("location.search === '?asOf=1927-12-01' && document.querySelector('.asof-banner')", "location.href + ' ' + document.body.innerText");
    String banner = chromium.evalString("document.querySelector('.asof-banner').innerText");
    assertTrue(banner.contains("As of 1927-12-01") && banner.contains("EDTF"), banner);
    String holds = chromium.evalString("document.querySelector('section.asof-holds').innerText");
    assertTrue(holds.contains("United opposition") && !holds.contains("Political Bureau"), holds);
    String gone = chromium.evalString("[...document.querySelectorAll('section.asof-not-in-force')].map(s => s.innerText).join(' | ')");
    assertTrue(gone.contains("Alternate member of the Political Bureau"), gone);
    // The picker shows the date it is on, and a link to another entity keeps it.
    assertEquals("1927-12-01", chromium.evalString("document.querySelector('form.asof input[name=asOf]').value"));
    chromium.eval("document.querySelector('section.asof-holds a[href^=\"/id/united-opposition?\"]').click(); true");
    chromium.waitFor("location.pathname === '/id/united-opposition' && document.querySelector('.asof-banner')", "location.href");
    assertEquals("?asOf=1927-12-01", chromium.evalString("location.search"));
  }

  @Test
  void searchWithARomanisedSpelling() throws Exception {
    chromium.navigate(base + "/search");
    chromium.waitFor("document.querySelector('input[name=q]')", "document.body.innerText");
    chromium.eval("document.querySelector('input[name=q]').value = 'Piatakov'; document.querySelector('header form').submit(); true");
    chromium.waitFor("location.search.includes('Piatakov') && document.querySelector('ol.hits li a')", "document.body.innerText");
    assertEquals("/id/pyatakov", chromium.evalString("document.querySelector('ol.hits li a').getAttribute('href')"));
    chromium.eval("document.querySelector('ol.hits li a').click(); true");
    chromium.waitFor("location.pathname === '/id/pyatakov' && document.querySelector('h1')", "document.body.innerText");
    assertEquals("G. L. Pyatakov", chromium.evalString("document.querySelector('h1').textContent"));
  }

  @Test
  void catalogueQueryRunsInTheEditor() throws Exception {
    chromium.navigate(base + "/editor/");
    chromium.waitFor("document.querySelector('a.query-link[data-id=\"competency/V01\"]')", "document.body.innerText");
    chromium.eval("document.querySelector('a.query-link[data-id=\"competency/V01\"]').click(); true");
    // V01: which body created Osvok, and when? The table shows the Presidium of the VSNKh, March 1925.
    chromium.waitFor("document.querySelector('.yasr') && [...document.querySelectorAll('.tabPanel.active .yasr table td')].some(td => td.innerText.includes('vsnkh-presidium'))",
        "document.getElementById('yasgui').innerText");
    String table = chromium.evalString("[...document.querySelectorAll('.tabPanel.active .yasr table td')].map(td => td.innerText).join(' | ')");
    assertTrue(table.contains("1925-03"), table);
    assertTrue(chromium.evalString("location.search").contains("q=competency%2FV01"), "the address is the query's permalink");
  }

  @Test
  void permalinkOpensAndRunsTheQuery() throws Exception {
    chromium.navigate(base + "/editor/?q=competency/V02");
    chromium.waitFor("[...document.querySelectorAll('.tabPanel.active .yasr table td')].some(td => td.innerText.includes('1921-11-16'))",
        "document.getElementById('yasgui').innerText");
    // Its result has a date, so the timeline view is offered and draws one point per row.
    chromium.eval("document.querySelector('.tabPanel.active .yasr .select_timeline').click(); true");
    chromium.waitFor("document.querySelector('.tabPanel.active .yasr .viz.timeline svg circle')",
        "document.querySelector('.tabPanel.active .yasr').innerText");
  }

  @Test
  void pageOnAnotherOriginQueriesTheEndpoint() throws Exception {
    chromium.navigate("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/");
    chromium.waitFor("document.title !== 'waiting'", "document.title");
    assertEquals("ok:Osvok", chromium.evalString("document.title"));
  }
}
