package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpHeaders;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@link SimulatedUpstox}'s request log, for assertions in tests.
 *
 * <p>It holds nothing secret: no body (bodies carry the TOTP, the PIN, the client secret and
 * the authorization code), no query string, and the values of {@code Cookie} and
 * {@code Authorization} headers replaced by {@code <not logged>}.
 *
 * @param at the simulator clock's time when the request arrived
 * @param endpoint what the request was addressed to
 * @param method the HTTP method
 * @param path the raw path of the request URI, without the query
 * @param headers the request headers, credentials masked
 * @param bodyLength the number of body bytes
 * @param status the status answered, or 0 when an injected {@link io.github.upstoxtotp.port.TransportException} was thrown instead
 * @param errorCode the error code of the answer's envelope ({@code "1017106"}, {@code "UDAPI100016"}, ...), or null for a success
 * @param injected true when the answer (or the exception) was injected with {@code failNext}/{@code failNextWith}
 */
public record SimulatedRequest(
        Instant at,
        SimulatorEndpoint endpoint,
        String method,
        String path,
        HttpHeaders headers,
        int bodyLength,
        int status,
        String errorCode,
        boolean injected) {

    /** Checks that the non-nullable components are present. */
    public SimulatedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
    }

    /** The error code of the answer, empty for a success. @return the code, if any */
    public Optional<String> error() {
        return Optional.ofNullable(errorCode);
    }

    /** True when the answer was a success (no error envelope, no injected failure). @return whether it succeeded */
    public boolean succeeded() {
        return errorCode == null && !injected;
    }

    /** Headers with credential values masked, as kept in the log. */
    static HttpHeaders masked(HttpHeaders headers) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        for (HttpHeaders.Field f : headers.fields()) {
            b.add(f.name(), HttpHeaders.isSensitive(f.name()) ? "<not logged>" : f.value());
        }
        return b.build();
    }
}
