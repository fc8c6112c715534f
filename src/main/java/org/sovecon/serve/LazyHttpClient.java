package org.sovecon.serve;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that makes the real one when it is first used. Making a client initialises
 * TLS (security providers, the trust store, cipher suites): some 700 classes and a tenth of a second
 * of a server's start, spent for the few queries that call another endpoint with SERVICE. The
 * configuration is fixed when this is made, so every call goes through the same client.
 *
 * <pre>
 *   HttpClient c = new LazyHttpClient(() -> HttpClient.newBuilder().followRedirects(NEVER).build());
 * </pre>
 */
final class LazyHttpClient extends HttpClient {
  private final Supplier<HttpClient> make;
  private volatile HttpClient client;

  LazyHttpClient(Supplier<HttpClient> make) {
    this.make = make;
  }

  /** Whether the real client has been made. */
  boolean isMade() {
    return client != null;
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) client = c = make.get();
      }
    }
    return c;
  }

  @Override public Optional<CookieHandler> cookieHandler() { return client().cookieHandler(); }
  @Override public Optional<Duration> connectTimeout() { return client().connectTimeout(); }
  @Override public Redirect followRedirects() { return client().followRedirects(); }
  @Override public Optional<ProxySelector> proxy() { return client().proxy(); }
  @Override public SSLContext sslContext() { return client().sslContext(); }
  @Override public SSLParameters sslParameters() { return client().sslParameters(); }
  @Override public Optional<Authenticator> authenticator() { return client().authenticator(); }
  @Override public Version version() { return client().version(); }
  @Override public Optional<Executor> executor() { return client().executor(); }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
    return client().send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return client().sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    return client().sendAsync(request, handler, push);
  }

  @Override
  public java.net.http.WebSocket.Builder newWebSocketBuilder() {
    return client().newWebSocketBuilder();
  }
}
