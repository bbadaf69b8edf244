package io.github.upstoxtotp.port;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable HTTP response from an {@link HttpPort}: status, every header field in order
 * (repeated {@code Set-Cookie} fields all kept), and the body bytes (empty when none).
 *
 * <p>An error status is a response like any other; {@code toString} never shows the body.
 */
public final class HttpResponse {
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    public HttpResponse(int status, HttpHeaders headers, byte[] body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? new byte[0] : body.clone();
    }

    public static HttpResponse of(int status, HttpHeaders headers, String utf8Body) {
        return new HttpResponse(status, headers, utf8Body.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** The body decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the body holds {@code bytes} as a contiguous run, without copying or decoding it
     * (checking every answer for a marker through {@link #bodyText()} copied each body twice).
     * For an ASCII needle this is exactly {@code bodyText().contains(needle)}: UTF-8 decoding
     * never turns an ASCII byte into anything else nor makes one out of other bytes.
     */
    public boolean bodyContains(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        outer:
        for (int i = 0, last = body.length - bytes.length; i <= last; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (body[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    public boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpResponse r && status == r.status && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + headers + " body=" + body.length + " bytes";
    }
}
