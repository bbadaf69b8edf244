package io.github.upstoxtotp.http.okhttp;

import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;
import io.github.upstoxtotp.port.TransportException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link HttpPort} on OkHttp 4.
 *
 * <p>The client runs with redirects, retries on connection failure, the cookie jar, the HTTP
 * cache and the authenticator switched off: a 3xx comes back as it is, a failed exchange is
 * never re-sent, and no {@code Cookie} header is added. {@link HttpRequest#timeout()} bounds,
 * per request, connecting, each read and write, and the whole call including reading the body.
 * Unless the request sets {@code Accept-Encoding} itself, OkHttp asks for gzip and decodes it
 * transparently (the response then carries neither {@code Content-Encoding} nor
 * {@code Content-Length}); when the request sets it, the body comes back as the server sent it.
 *
 * <p>Failures are {@link TransportException}s: {@link Kind#CONNECT} when no connection was made,
 * so the request was never sent (refused, unknown host, connect timeout, TLS handshake),
 * {@link Kind#TIMEOUT} when the response did not complete in time after connecting, {@link Kind#IO}
 * otherwise (reset, malformed response). Messages name the method and host, never the query,
 * headers or body. A header name or value that cannot be sent verbatim (control characters,
 * non-ASCII) is an {@link IllegalArgumentException} naming the header only; so is a body on
 * {@code GET} or {@code HEAD}, which OkHttp cannot send.
 *
 * <p>Thread-safe: one instance serves concurrent callers. It logs nothing.
 */
public final class OkHttpPort implements HttpPort {

    private static final int MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;

    private final OkHttpClient client;
    private final boolean ownsClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A port with its own client (idle connections kept 30 s). {@link #close()} shuts its
     * connection pool and dispatcher down.
     */
    public OkHttpPort() {
        this(new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(16, 30, TimeUnit.SECONDS))
                .build(), true);
    }

    /**
     * A port over a client derived from the caller's ({@link OkHttpClient#newBuilder()}), so it
     * shares that client's connection pool, dispatcher, TLS and proxy settings and interceptors,
     * but always runs with: redirects off, retry on connection failure off, no cookie jar, no
     * cache, no authenticator, no {@link UpstoxBearerInterceptor}, and the request's timeouts.
     * {@link #close()} leaves the caller's client, its pool and dispatcher alone: the caller
     * shuts them down.
     *
     * @param client a client the caller owns
     */
    public OkHttpPort(OkHttpClient client) {
        this(Objects.requireNonNull(client, "client"), false);
    }

    private OkHttpPort(OkHttpClient base, boolean ownsClient) {
        this.ownsClient = ownsClient;
        OkHttpClient.Builder builder = base.newBuilder();
        // a login that waited for the token it is obtaining would wait forever
        builder.interceptors().removeIf(UpstoxBearerInterceptor.class::isInstance);
        builder.networkInterceptors().removeIf(UpstoxBearerInterceptor.class::isInstance);
        this.client = builder
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .cookieJar(CookieJar.NO_COOKIES)
                .cache(null)
                .authenticator(Authenticator.NONE)
                .addInterceptor(OkHttpPort::applyTimeouts)
                .addNetworkInterceptor(OkHttpPort::markConnected)
                .build();
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("OkHttpPort is closed");
        }
        Exchange exchange = new Exchange(millis(request.timeout()));
        Call call = client.newCall(toOkHttp(request, exchange));
        call.timeout().timeout(exchange.timeoutMillis, TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            HttpHeaders.Builder headers = HttpHeaders.builder();
            Headers fields = response.headers();
            for (int i = 0; i < fields.size(); i++) {
                headers.add(fields.name(i), fields.value(i));
            }
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (response.code() < 100 || response.code() > 999) {
                throw new ProtocolException("status code out of range");
            }
            return new HttpResponse(response.code(), headers.build(), bytes);
        } catch (IOException e) {
            throw failure(request, e, exchange.connected, call.isCanceled());
        }
    }

    @Override
    public String name() {
        return "okhttp";
    }

    /** Shuts down the client if this port created it; idempotent. Later calls to {@link #execute} throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static Request toOkHttp(HttpRequest request, Exchange exchange) {
        URI uri = request.uri();
        HttpUrl url = HttpUrl.parse(uri.toString());
        if (url == null) {
            throw new IllegalArgumentException("not an http or https URI: " + uri.getScheme() + "://" + uri.getHost());
        }
        Headers.Builder headers = new Headers.Builder();
        for (HttpHeaders.Field field : request.headers().fields()) {
            HttpHeaders.checkSendable(field);
            // the transport frames the body itself; a stale length would corrupt the exchange
            if (field.name().equalsIgnoreCase("Content-Length") || field.name().equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            headers.add(field.name(), field.value());
        }
        String method = request.method();
        RequestBody body = null;
        if (request.bodyLength() > 0 || requiresBody(method)) {
            if (method.equals("GET") || method.equals("HEAD")) {
                throw new IllegalArgumentException("OkHttp cannot send a body with " + method);
            }
            // no media type: Content-Type comes from the request's own headers, untouched
            body = RequestBody.create(request.body(), (MediaType) null);
        }
        return new Request.Builder()
                .url(url)
                .headers(headers.build())
                .method(method, body)
                .tag(Exchange.class, exchange)
                .build();
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                || method.equals("PROPPATCH") || method.equals("REPORT");
    }

    private static Response applyTimeouts(Interceptor.Chain chain) throws IOException {
        Exchange exchange = chain.request().tag(Exchange.class);
        if (exchange == null) {
            return chain.proceed(chain.request());
        }
        int ms = exchange.timeoutMillis;
        return chain.withConnectTimeout(ms, TimeUnit.MILLISECONDS)
                .withReadTimeout(ms, TimeUnit.MILLISECONDS)
                .withWriteTimeout(ms, TimeUnit.MILLISECONDS)
                .proceed(chain.request());
    }

    // Network interceptors run once a connection is established, before the request is
    // written: what fails before this point never reached the server.
    private static Response markConnected(Interceptor.Chain chain) throws IOException {
        Exchange exchange = chain.request().tag(Exchange.class);
        if (exchange != null) {
            exchange.connected = true;
        }
        return chain.proceed(chain.request());
    }

    private static TransportException failure(HttpRequest request, IOException e, boolean connected, boolean canceled) {
        String exchange = request.method() + " " + hostOf(request.uri());
        String cause = " (" + e.getClass().getSimpleName() + ")";
        if (!connected) {
            String what = isConnectFailure(e) ? " failed: could not connect"
                    : e instanceof InterruptedIOException ? " failed: not connected within " + request.timeout().toMillis() + " ms"
                    : " failed before the request was sent";
            return new TransportException(Kind.CONNECT, exchange + what + cause, e);
        }
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && canceled)) {
            return new TransportException(Kind.TIMEOUT,
                    exchange + " failed: no complete response within " + request.timeout().toMillis() + " ms" + cause, e);
        }
        return new TransportException(Kind.IO, exchange + " failed after connecting: " + describeIo(e) + cause, e);
    }

    private static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private static String describeIo(IOException e) {
        if (e instanceof ProtocolException) {
            return "malformed response";
        }
        if (e instanceof SocketException) {
            return "the connection broke";
        }
        return "the connection closed or the response was malformed";
    }

    private static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static int millis(Duration timeout) {
        return timeout.compareTo(Duration.ofMillis(MAX_TIMEOUT_MILLIS)) > 0 ? MAX_TIMEOUT_MILLIS : (int) Math.max(1, timeout.toMillis());
    }

    /** Per-call state, carried as the request's tag. */
    private static final class Exchange {
        final int timeoutMillis;
        volatile boolean connected;

        Exchange(int timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }
    }
}
