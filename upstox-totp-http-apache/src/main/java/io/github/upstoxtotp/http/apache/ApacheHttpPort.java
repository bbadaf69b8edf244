package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;
import io.github.upstoxtotp.port.TransportException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link HttpPort} on Apache HttpClient 5 (classic, blocking API).
 *
 * <p>Every exchange runs with redirects, authentication, content decoding and
 * expect-continue switched off and with no cookie store, whatever client it wraps: a 3xx comes
 * back as it is, no {@code Cookie} header is added, and a compressed body is returned as the
 * server sent it. {@link HttpRequest#timeout()} bounds, per request, the wait for a pooled
 * connection, connecting, each read, and the whole exchange (a response that trickles in is
 * cut off when the timeout is spent).
 *
 * <p>Failures are {@link TransportException}s: {@link Kind#CONNECT} when the request was never
 * sent (refused, unknown host, connect timeout, TLS handshake), {@link Kind#TIMEOUT} when the
 * response did not complete in time after connecting, {@link Kind#IO} otherwise (reset,
 * malformed response). Messages name the method and host, never the query, headers or body.
 * A header name or value that cannot be sent verbatim (control characters, non-ASCII) is an
 * {@link IllegalArgumentException} naming the header only.
 *
 * <p>Thread-safe: one instance serves concurrent callers. It logs nothing itself; HttpClient's
 * own {@code org.apache.hc.client5.http.wire} and {@code .headers} loggers print raw traffic,
 * secrets included, at DEBUG, so keep them off outside a debugging session.
 */
public final class ApacheHttpPort implements HttpPort {

    private static final int MAX_CONNECTIONS = 64;
    private static final int MAX_CONNECTIONS_PER_HOST = 32;
    private static final int MAX_TIMEOUT_MILLIS = Integer.MAX_VALUE;

    private final CloseableHttpClient client;
    private final boolean ownsClient;
    private final RequestConfig baseConfig;
    private final ScheduledThreadPoolExecutor deadlines;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A port with its own pooled client (64 connections, 32 per host; redirects, retries,
     * cookies and content decoding off; stale pooled connections re-checked after one second
     * idle). {@link #close()} closes that client.
     */
    public ApacheHttpPort() {
        this(defaultClient(), true);
    }

    /**
     * A port over the caller's client, which {@link #close()} leaves open: the caller closes it.
     *
     * <p>Per request the port forces: no redirects, no authentication, no content decoding, no
     * expect-continue, its own empty cookie store, and the request's timeouts; the client's
     * other defaults are kept. A client built with {@link UpstoxBearerAuth} sends this port's
     * exchanges without a bearer token. The port cannot switch off a client's retry strategy: build the
     * client with {@code disableAutomaticRetries()}, or a failed exchange may be re-sent. Size
     * its connection pool for the concurrency you need.
     *
     * @param client a client the caller owns and closes
     */
    public ApacheHttpPort(CloseableHttpClient client) {
        this(Objects.requireNonNull(client, "client"), false);
    }

    private ApacheHttpPort(CloseableHttpClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        RequestConfig clientDefaults = client instanceof Configurable ? ((Configurable) client).getConfig() : null;
        this.baseConfig = clientDefaults != null ? clientDefaults : RequestConfig.DEFAULT;
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "upstox-totp-apache-deadline");
            t.setDaemon(true);
            return t;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    private static CloseableHttpClient defaultClient() {
        Timeout defaultTimeout = Timeout.of(HttpRequest.DEFAULT_TIMEOUT);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(defaultTimeout)
                                .setSocketTimeout(defaultTimeout)
                                // with retries off, a pooled connection the server already closed
                                // would fail the exchange: check it first when it sat idle
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("ApacheHttpPort is closed");
        }
        HttpUriRequestBase message = toApache(request);
        HttpClientContext context = HttpClientContext.create();
        context.setCookieStore(NoCookies.INSTANCE);
        // a login that waited for the token it is obtaining would wait forever
        context.setAttribute(UpstoxBearerAuth.BYPASS_ATTRIBUTE, Boolean.TRUE);
        context.setRequestConfig(configFor(request.timeout()));
        ScheduledFuture<?> deadline;
        try {
            // response timeout bounds each read; this bounds the whole exchange
            deadline = deadlines.schedule(message::cancel, millis(request.timeout()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("ApacheHttpPort is closed");
        }
        try {
            return client.execute(message, context, ApacheHttpPort::read);
        } catch (IOException e) {
            throw failure(request, e, context.getEndpointDetails() != null, message.isCancelled());
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("org.apache.hc.")) {
                throw failure(request, e, context.getEndpointDetails() != null, message.isCancelled());
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public String name() {
        return "apache";
    }

    /** Closes the client if this port created it; idempotent. Later calls to {@link #execute} throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deadlines.shutdownNow();
        if (ownsClient) {
            client.close(CloseMode.GRACEFUL);
        }
    }

    private static HttpUriRequestBase toApache(HttpRequest request) {
        HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
        for (HttpHeaders.Field field : request.headers().fields()) {
            HttpHeaders.checkSendable(field);
            // the transport frames the body itself; a stale length would corrupt the exchange
            if (field.name().equalsIgnoreCase("Content-Length") || field.name().equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            message.addHeader(field.name(), field.value());
        }
        if (request.bodyLength() > 0 || expectsBody(request.method())) {
            message.setEntity(new ByteArrayEntity(request.body(), null));
        }
        return message;
    }

    private static boolean expectsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    @SuppressWarnings("deprecation") // per-request connect timeout: ConnectionConfig can only set it per route
    private RequestConfig configFor(Duration timeout) {
        Timeout t = Timeout.ofMilliseconds(millis(timeout));
        return RequestConfig.copy(baseConfig)
                .setConnectionRequestTimeout(t)
                .setConnectTimeout(t)
                .setResponseTimeout(t)
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .setContentCompressionEnabled(false)
                .setExpectContinueEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .setHardCancellationEnabled(true)
                .build();
    }

    private static HttpResponse read(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status < 100 || status > 999) {
            throw new ClientProtocolException("status code out of range");
        }
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (Header header : response.getHeaders()) {
            headers.add(header.getName(), header.getValue() == null ? "" : header.getValue());
        }
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new HttpResponse(status, headers.build(), body);
    }

    private static TransportException failure(HttpRequest request, Exception e, boolean connected, boolean deadlinePassed) {
        String exchange = request.method() + " " + hostOf(request.uri());
        String cause = " (" + e.getClass().getSimpleName() + ")";
        if (isConnectFailure(e)) {
            return new TransportException(Kind.CONNECT, exchange + " failed: could not connect" + cause, e);
        }
        if (!connected) {
            String what = deadlinePassed ? " failed: not connected within " + request.timeout().toMillis() + " ms"
                    : " failed before the request was sent";
            return new TransportException(Kind.CONNECT, exchange + what + cause, e);
        }
        if (deadlinePassed || e instanceof SocketTimeoutException) {
            return new TransportException(Kind.TIMEOUT,
                    exchange + " failed: no complete response within " + request.timeout().toMillis() + " ms" + cause, e);
        }
        return new TransportException(Kind.IO, exchange + " failed after connecting: " + describeIo(e) + cause, e);
    }

    private static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof PortUnreachableException
                    || t instanceof SSLHandshakeException || t instanceof ConnectionRequestTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describeIo(Exception e) {
        if (e instanceof NoHttpResponseException) {
            return "the server closed the connection without responding";
        }
        if (e instanceof ClientProtocolException || e instanceof MalformedChunkCodingException) {
            return "malformed response";
        }
        if (e instanceof ConnectionClosedException) {
            return "the connection closed before the response was complete";
        }
        if (e instanceof SocketException) {
            return "the connection broke";
        }
        return "I/O error";
    }

    private static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static long millis(Duration timeout) {
        return timeout.compareTo(Duration.ofMillis(MAX_TIMEOUT_MILLIS)) > 0 ? MAX_TIMEOUT_MILLIS : Math.max(1, timeout.toMillis());
    }

    /** Keeps nothing, so a client built with cookie management still adds no Cookie header. */
    private static final class NoCookies implements CookieStore {
        static final NoCookies INSTANCE = new NoCookies();

        @Override
        public void addCookie(Cookie cookie) {
        }

        @Override
        public List<Cookie> getCookies() {
            return List.of();
        }

        @Override
        @SuppressWarnings("deprecation")
        public boolean clearExpired(Date date) {
            return false;
        }

        @Override
        public void clear() {
        }
    }
}
