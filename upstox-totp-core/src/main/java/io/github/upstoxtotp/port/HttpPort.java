package io.github.upstoxtotp.port;

/**
 * The transport the core speaks through: one HTTP exchange at a time.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety:</b> implementations are thread-safe and stateless between
 *       exchanges; one instance serves concurrent callers.</li>
 *   <li><b>No redirects:</b> a 3xx is returned as it is, {@code Location} and all. The core
 *       follows redirects itself, so it can stop at the hop that carries {@code user_id}.</li>
 *   <li><b>No retries:</b> each call sends the request at most once. Retrying is the core's
 *       decision (a rejected PIN must never be re-sent).</li>
 *   <li><b>No cookies:</b> the transport never stores cookies nor adds a {@code Cookie}
 *       header of its own; the core keeps the login session's cookies.</li>
 *   <li><b>Errors:</b> any HTTP status, 4xx and 5xx included, is a {@link HttpResponse}.
 *       Anything that prevents reading a complete response (refused, reset, timeout,
 *       malformed response) is a {@link TransportException} with the library's exception as
 *       its cause; no library exception type escapes.</li>
 *   <li><b>Timeout:</b> {@link HttpRequest#timeout()} bounds connecting and waiting for
 *       the response.</li>
 *   <li><b>Logging:</b> adapters log nothing that could hold a secret (bodies, cookie and
 *       authorization headers, query strings). The library an adapter wraps may have loggers of
 *       its own that print raw traffic: Apache HttpClient's {@code org.apache.hc.client5.http.wire}
 *       and {@code org.apache.hc.client5.http.headers} print bodies (the PIN), cookies and tokens
 *       at DEBUG. An adapter cannot switch them off through SLF4J; applications must keep them
 *       below DEBUG (the CLI does). See RELIABILITY.md.</li>
 * </ul>
 */
public interface HttpPort extends AutoCloseable {

    /**
     * Sends the request once and returns the complete response.
     *
     * @throws TransportException if no complete response could be read
     */
    HttpResponse execute(HttpRequest request);

    /** A short name for diagnostics, e.g. {@code "okhttp"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Releases resources the port owns (connection pools it created). A port wrapping a
     * caller-supplied client leaves that client open. Never throws a checked exception.
     */
    @Override
    default void close() {
    }
}
