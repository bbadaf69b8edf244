package io.github.upstoxtotp.port;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One immutable HTTP request for an {@link HttpPort}.
 *
 * <p>The URI is sent as given: its raw query string is not re-encoded. The body is sent
 * byte-for-byte (empty for none); {@code content-type} comes from the headers. The timeout
 * bounds connecting and waiting for the response.
 *
 * <p>{@link #toString()} shows method, URI without its query (queries can carry codes), the
 * header names with sensitive values masked, and the body length, never the body.
 */
public final class HttpRequest {

    /** The timeout used when a request does not set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String method;
    private final URI uri;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Duration timeout;

    private HttpRequest(Builder b) {
        this.method = b.method;
        this.uri = Objects.requireNonNull(b.uri, "uri");
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("request URI must be absolute with a host: " + uri.getScheme() + "://" + uri.getHost());
        }
        this.headers = b.headers.build();
        this.body = b.body;
        this.timeout = b.timeout;
    }

    public static Builder get(URI uri) {
        return new Builder("GET", uri);
    }

    public static Builder post(URI uri) {
        return new Builder("POST", uri);
    }

    public static Builder newBuilder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** Upper-case method name, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** A copy of the body bytes (empty array when there is none). */
    public byte[] body() {
        return body.clone();
    }

    /** Number of body bytes, without copying. */
    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8 (for tests and logging policies that know it holds no secret). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Duration timeout() {
        return timeout;
    }

    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        b.headers = headers.toBuilder();
        b.body = body;
        b.timeout = timeout;
        return b;
    }

    @Override
    public String toString() {
        String safeUri = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?<query not logged>");
        return method + " " + safeUri + " " + headers + " body=" + body.length + " bytes";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpRequest r && method.equals(r.method) && uri.equals(r.uri) && headers.equals(r.headers)
                && Arrays.equals(body, r.body) && timeout.equals(r.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body), timeout);
    }

    /** Builds a request. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private URI uri;
        private HttpHeaders.Builder headers = HttpHeaders.builder();
        private byte[] body = new byte[0];
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            if (method.isBlank()) {
                throw new IllegalArgumentException("method is blank");
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.uri = uri;
        }

        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        /** Appends a header field (repeats allowed). */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** Replaces every field of this name with one. */
        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        public Builder headers(HttpHeaders all) {
            this.headers = all.toBuilder();
            return this;
        }

        /** The body bytes (copied). */
        public Builder body(byte[] bytes) {
            this.body = bytes == null ? new byte[0] : bytes.clone();
            return this;
        }

        /** The body as UTF-8 text. */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
