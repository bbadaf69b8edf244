package io.github.upstoxtotp.examples.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link HttpPort} served over real HTTP on {@code 127.0.0.1}: the core's simulated Upstox
 * login service (see {@link Sandbox}) or any other in-memory backend, reachable by every
 * transport adapter, by the CLI and by a browser.
 *
 * <p>Two listeners, each on its own port, stand in for the two Upstox hosts: the API
 * ({@link #apiBaseUrl()}) and the login service ({@link #serviceBaseUrl()}). Each exchange
 * becomes one {@link HttpRequest} for the backend: the absolute URI is the listener's base URL
 * plus the raw path and raw query as received (nothing re-encoded), every request header field
 * in the order the JDK server keeps them (repeated fields all kept), and the body bytes. The
 * backend's {@link HttpResponse} is written back as it is: status, every header field
 * (repeated {@code Set-Cookie} fields all kept), and body; {@code 204}, {@code 304} and
 * {@code HEAD} answers carry no body.
 *
 * <p>Request bodies are bounded ({@link #DEFAULT_MAX_BODY_BYTES} unless set): a larger one is
 * answered {@code 413} without reaching the backend. A backend that throws is answered
 * {@code 502}, naming the exception type only (its message could quote a request).
 *
 * <p>Thread-safe. A small fixed pool of daemon threads serves both listeners; the backend must
 * be thread-safe, as every {@code HttpPort} is. {@link #close()} stops both listeners at once,
 * ends the pool and closes the backend; it may be called more than once.
 */
public final class SandboxServer implements AutoCloseable {
    /** The largest request body accepted unless the builder says otherwise: 256 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int THREADS = 4;
    /** Header fields the JDK server writes itself; a backend's own copies would contradict it. */
    private static final Set<String> SERVER_OWNED = Set.of("content-length", "transfer-encoding", "connection", "date");

    private final HttpServer api;
    private final HttpServer service;
    private final ExecutorService executor;
    private final HttpPort backend;
    private final URI apiBaseUrl;
    private final URI serviceBaseUrl;
    private final int maxBodyBytes;
    private final AtomicInteger closed = new AtomicInteger();

    /**
     * Builds the backend once the listeners' base URLs are known (their ports may be chosen by
     * the system), e.g. {@code (api, service) -> new SimulatedUpstox(...)}.
     */
    @FunctionalInterface
    public interface Backend {
        /**
         * Creates the port that will answer every exchange.
         *
         * @param apiBaseUrl the base URL of the API listener, e.g. {@code http://127.0.0.1:50123}
         * @param serviceBaseUrl the base URL of the login-service listener
         */
        HttpPort create(URI apiBaseUrl, URI serviceBaseUrl);
    }

    private SandboxServer(Builder b) throws IOException {
        this.maxBodyBytes = b.maxBodyBytes;
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        enableNoDelay();
        HttpServer apiServer = HttpServer.create(new InetSocketAddress(loopback, b.apiPort), 0);
        HttpServer serviceServer;
        try {
            serviceServer = HttpServer.create(new InetSocketAddress(loopback, b.servicePort), 0);
        } catch (IOException e) {
            apiServer.stop(0);
            throw e;
        }
        this.api = apiServer;
        this.service = serviceServer;
        this.apiBaseUrl = baseUrl(api);
        this.serviceBaseUrl = baseUrl(service);
        HttpPort created;
        try {
            created = Objects.requireNonNull(b.backend.create(apiBaseUrl, serviceBaseUrl), "backend");
        } catch (RuntimeException e) {
            api.stop(0);
            service.stop(0);
            throw e;
        }
        this.backend = created;
        this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        api.setExecutor(executor);
        service.setExecutor(executor);
        api.createContext("/", exchange -> handle(exchange, apiBaseUrl));
        service.createContext("/", exchange -> handle(exchange, serviceBaseUrl));
        api.start();
        service.start();
        LOG.debug("sandbox listening: api {}, service {}", apiBaseUrl, serviceBaseUrl);
    }

    /** A builder: free ports, the default body limit; a backend is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Serves {@code backend} on two free loopback ports.
     *
     * @throws UncheckedIOException if a listener cannot be opened
     */
    public static SandboxServer start(Backend backend) {
        return builder().backend(backend).start();
    }

    /** Base URL of the API listener ({@code UPSTOX_API_BASE_URL}), e.g. {@code http://127.0.0.1:50123}. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** Base URL of the login-service listener ({@code UPSTOX_SERVICE_BASE_URL}). */
    public URI serviceBaseUrl() {
        return serviceBaseUrl;
    }

    /** The port answering every exchange, e.g. the simulator, for tests that inspect it. */
    public HttpPort backend() {
        return backend;
    }

    /** The largest request body accepted, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Stops both listeners without waiting for open exchanges, ends the pool and closes the backend. */
    @Override
    public void close() {
        if (closed.getAndIncrement() > 0) {
            return;
        }
        api.stop(0);
        service.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("sandbox: some exchanges were still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backend.close();
    }

    @Override
    public String toString() {
        return "SandboxServer[api=" + apiBaseUrl + ", service=" + serviceBaseUrl + "]";
    }

    private void handle(HttpExchange exchange, URI base) {
        try {
            byte[] body;
            try {
                body = readBounded(exchange);
            } catch (IOException unreadable) {
                // a body the JDK cannot decode (bad chunking, a length it refused): the client's fault
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.getResponseHeaders().set("Connection", "close");
                write(exchange, 400, "malformed request body\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (body == null) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.getResponseHeaders().set("Connection", "close");
                write(exchange, 413, ("request body larger than " + maxBodyBytes + " bytes\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponse response;
            try {
                response = backend.execute(toRequest(exchange, base, body));
            } catch (RuntimeException e) {
                LOG.warn("sandbox backend failed on {} {}: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e.getClass().getName());
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                write(exchange, 502, ("sandbox backend failed: " + e.getClass().getSimpleName() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            Headers out = exchange.getResponseHeaders();
            for (HttpHeaders.Field f : response.headers().fields()) {
                if (!SERVER_OWNED.contains(f.name().toLowerCase(Locale.ROOT))) {
                    out.add(f.name(), f.value());
                }
            }
            write(exchange, response.status(), response.body());
        } catch (IOException | RuntimeException e) {
            // the client went away, or a header the JDK refuses: nothing more can be sent
            LOG.debug("sandbox exchange aborted: {}", e.getClass().getName());
        } finally {
            exchange.close();
        }
    }

    /** The body, or {@code null} when it is larger than the limit (what was sent is then discarded). */
    private byte[] readBounded(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    discard(in);
                    return null;
                }
            } catch (NumberFormatException e) {
                // the JDK server has already rejected a malformed length; read what comes
            }
        }
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            discard(in);
            return null;
        }
        return body;
    }

    /** Reads and drops what the client is still sending (up to a cap), so it can read the answer. */
    private void discard(InputStream in) throws IOException {
        long cap = 16L * maxBodyBytes;
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while (total < cap && (n = in.read(buf)) >= 0) {
            total += n;
        }
    }

    private static HttpRequest toRequest(HttpExchange exchange, URI base, byte[] body) {
        URI received = exchange.getRequestURI();
        String rawPath = received.getRawPath() == null || received.getRawPath().isEmpty() ? "/" : received.getRawPath();
        String rawQuery = received.getRawQuery();
        URI uri = URI.create(base + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
        HttpRequest.Builder b = HttpRequest.newBuilder(exchange.getRequestMethod(), uri).body(body);
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            for (String value : h.getValue()) {
                b.header(h.getKey(), value);
            }
        }
        return b.build();
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean bodiless = status == 204 || status == 304 || status < 200
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod()) || body.length == 0;
        exchange.sendResponseHeaders(status, bodiless ? -1 : body.length);
        if (!bodiless) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private static URI baseUrl(HttpServer server) {
        return URI.create("http://" + LOOPBACK + ":" + server.getAddress().getPort());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings for a {@link SandboxServer}. Not thread-safe. */
    public static final class Builder {
        private Backend backend;
        private int apiPort;
        private int servicePort;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /** What answers the exchanges (required). */
        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** The API listener's port; 0 (the default) lets the system choose a free one. */
        public Builder apiPort(int port) {
            this.apiPort = checkPort(port);
            return this;
        }

        /** The login-service listener's port; 0 (the default) lets the system choose a free one. */
        public Builder servicePort(int port) {
            this.servicePort = checkPort(port);
            return this;
        }

        /**
         * Both ports from one number: the API on {@code port}, the login service on
         * {@code port + 1}; 0 lets the system choose both.
         */
        public Builder ports(int port) {
            checkPort(port);
            if (port == 65535) {
                throw new IllegalArgumentException("port must leave room for the service on port + 1 (at most 65534)");
            }
            this.apiPort = port;
            this.servicePort = port == 0 ? 0 : port + 1;
            return this;
        }

        /** The largest request body accepted; larger ones are answered 413. */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBodyBytes must be 0 or more");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * Opens both listeners, builds the backend and starts serving.
         *
         * @throws UncheckedIOException if a listener cannot be opened (port in use, say)
         * @throws IllegalStateException if no backend was set
         */
        public SandboxServer start() {
            if (backend == null) {
                throw new IllegalStateException("a backend is required");
            }
            try {
                return new SandboxServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the sandbox listeners on " + LOOPBACK + " (ports "
                        + apiPort + ", " + servicePort + "): " + e.getMessage(), e);
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
            }
            return port;
        }
    }

    /**
     * Without TCP_NODELAY each answer's body waits for the client's delayed ACK (about 40 ms per
     * exchange over loopback). The JDK server reads this property once, when its configuration
     * class loads, so it is set before the first server is made, unless the user chose a value.
     */
    private static void enableNoDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
}
