package org.sovecon.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven over the DevTools protocol with the JDK's own
 * WebSocket client: navigate, evaluate JavaScript, wait for a condition. Every host name other than
 * 127.0.0.1 resolves to nothing, so a page cannot reach beyond loopback.
 *
 * <pre>
 *   try (Chromium c = Chromium.start(tmp)) { c.navigate(url); c.waitFor("document.title === 'x'"); }
 * </pre>
 */
final class Chromium implements AutoCloseable {
  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  static final Duration WAIT = Duration.ofSeconds(60);

  private final Process process;
  private final WebSocket ws;
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private Chromium(Process process, WebSocket ws) {
    this.process = process;
    this.ws = ws;
  }

  static boolean installed() {
    return Files.isExecutable(EXECUTABLE);
  }

  static Chromium start(Path profile) throws Exception {
    Process p = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--user-data-dir=" + profile.toAbsolutePath(), "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr.
    Pattern listening = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = err.readLine()) != null; ) {
          Matcher m = listening.matcher(line);
          if (m.find()) return Integer.parseInt(m.group(1));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("chromium exited without opening its DevTools port");
    });
    int devtools;
    try {
      devtools = port.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw e;
    }
    // Keep draining stderr so Chromium never blocks on a full pipe.
    Thread drain = new Thread(() -> { try { while (err.readLine() != null) { } } catch (IOException ignored) { } });
    drain.setDaemon(true);
    drain.start();
    HttpClient http = HttpClient.newHttpClient();
    String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + devtools + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String pageWs = JSON.parseAny(list).getAsArray().stream().map(JsonValue::getAsObject)
        .filter(o -> o.getString("type").equals("page")).findFirst().orElseThrow().getString("webSocketDebuggerUrl");
    Chromium[] self = new Chromium[1];
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), new WebSocket.Listener() {
      final StringBuilder buf = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        buf.append(data);
        if (last) {
          JsonObject msg = JSON.parse(buf.toString());
          buf.setLength(0);
          if (msg.hasKey("id") && self[0] != null) {
            CompletableFuture<JsonObject> f = self[0].pending.remove(msg.get("id").getAsNumber().value().intValue());
            if (f != null) f.complete(msg);
          }
        }
        w.request(1);
        return null;
      }
    }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    self[0] = new Chromium(p, ws);
    return self[0];
  }

  JsonObject send(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    JsonObject msg = new JsonObject();
    msg.put("id", id);
    msg.put("method", method);
    msg.put("params", params);
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    pending.put(id, f);
    ws.sendText(msg.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    JsonObject reply = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (reply.hasKey("error")) throw new IllegalStateException(method + ": " + reply.get("error"));
    return reply.getObj("result");
  }

  /** Navigates and waits until the new document (not the one before it) has been parsed. */
  void navigate(String url) throws Exception {
    JsonObject p = new JsonObject();
    p.put("url", url);
    send("Page.navigate", p);
    URI u = URI.create(url);
    String where = u.getScheme() + "://" + u.getAuthority() + u.getPath();
    // A URI's scheme, authority and path hold no quote or backslash, so it can stand in a JavaScript string.
    waitFor("location.origin + location.pathname === '" + where + "' && document.readyState !== 'loading'", "location.href");
  }

  /** The value of a JavaScript expression (awaited if it is a promise), as JSON. */
  JsonValue eval(String expression) throws Exception {
    JsonObject p = new JsonObject();
    p.put("expression", expression);
    p.put("returnByValue", true);
    p.put("awaitPromise", true);
    JsonObject r = send("Runtime.evaluate", p);
    if (r.hasKey("exceptionDetails")) return null;
    JsonObject result = r.getObj("result");
    return result.hasKey("value") ? result.get("value") : null;
  }

  String evalString(String expression) throws Exception {
    JsonValue v = eval(expression);
    return v == null ? null : v.isString() ? v.getAsString().value() : v.toString();
  }

  /** Waits until {@code condition} (JavaScript) is true; fails with {@code describe}'s value if it never is. */
  void waitFor(String condition, String describe) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      JsonValue v = eval("(() => { try { return !!(" + condition + "); } catch (e) { return false; } })()");
      if (v != null && v.isBoolean() && v.getAsBoolean().value()) return;
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + condition + "; page: " + evalString(describe));
  }

  /**
   * Ends Chromium and every process it started (renderers, utilities): they write to the profile
   * folder until they exit, and a test's temporary folder cannot be deleted while they do.
   */
  @Override
  public void close() {
    try {
      ws.abort();
    } finally {
      java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
      all.add(process.toHandle());
      all.forEach(ProcessHandle::destroy);
      for (ProcessHandle h : all) {
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          h.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          h.destroyForcibly();
        }
      }
    }
  }

}
