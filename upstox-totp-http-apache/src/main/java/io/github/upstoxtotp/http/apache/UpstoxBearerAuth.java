package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.token.TokenService;
import java.io.IOException;
import java.util.Objects;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Authorizes calls to the Upstox API made with an Apache HttpClient 5 classic client, using the
 * day's access token from a {@link TokenService}, and recovers once when Upstox rejects it.
 *
 * <pre>{@code
 * TokenService tokens = upstoxTotp.tokenService();           // however the application gets it
 * try (CloseableHttpClient api = UpstoxBearerAuth.install(HttpClients.custom(), tokens).build()) {
 *     String profile = api.execute(new HttpGet("https://api.upstox.com/v2/user/profile"),
 *             response -> EntityUtils.toString(response.getEntity()));  // sent with Authorization: Bearer <token>
 * }
 * }</pre>
 *
 * <p><b>Each exchange</b> carries {@code Authorization: Bearer <token>}, replacing any
 * {@code Authorization} header the request had, on every message sent for it to the request's
 * origin (scheme, host and port): a redirect there and HttpClient's own retries included. A
 * redirect to another origin is followed, as OkHttp does, without any {@code Authorization} (or,
 * when the caller's request set one itself, refused by HttpClient and returned as the 3xx). The
 * token is {@link TokenService#accessToken()} (usually a memory read, a login when none is
 * cached), taken once per exchange.
 *
 * <p><b>On a 401 whose body carries the error code {@code UDAPI100050}</b> (invalid token), the
 * exchange calls {@link TokenService#invalidate(AccessToken)} with the token it used, so that any
 * number of exchanges rejected together cause one new login, then fetches a token and executes
 * the request once more with it. The caller gets the second response, whatever it is: there is
 * no third attempt. The first 401 is returned instead when the new token is the same as the
 * rejected one, or when the request entity is not repeatable and cannot be sent twice. Any other
 * response, a 401 without that code included, is returned untouched. A 401 body up to 64 KiB is
 * read to look for the code and handed back in memory, so the caller can still read it; a longer
 * one is not searched, and is streamed to the caller as it came.
 *
 * <p><b>When no token can be had</b> (the login fails), the exchange fails with an
 * {@link IOException} whose cause is the exception the {@link TokenService} threw (usually an
 * {@link UpstoxTotpException}: test {@code e.getCause()}). Its message names the method and host,
 * never the token.
 *
 * <p><b>How it is wired:</b> a request interceptor (added last, so nothing after it rewrites the
 * header) sets the header on each message the client sends, and an exec-chain handler named
 * {@value #HANDLER_NAME}, added first (outermost, around redirects, retries and content decoding)
 * picks the token per exchange and makes the single retry. The header cannot simply be set by the
 * handler: HttpClient rebuilds a redirected or retried request from the caller's original, which
 * would drop it. Use a client meant for the Upstox API: it authorizes every host it calls.
 * {@link ApacheHttpPort} over a client built this way sends its login exchanges without the header
 * and without asking the {@link TokenService}, so the login never waits for the token it is
 * obtaining.
 *
 * <p>Thread-safe; logs one DEBUG line (method and host, never the token) when it executes a
 * request again.
 */
public final class UpstoxBearerAuth {

    /** The name of the exec-chain handler in the client's chain, to place other handlers around it. */
    public static final String HANDLER_NAME = "upstox-bearer-auth";

    /** Context attribute: the {@link BearerGrant} of the current exchange. */
    static final String GRANT_ATTRIBUTE = "io.github.upstoxtotp.http.apache.bearer-grant";
    /** Context attribute set by {@link ApacheHttpPort}: its exchanges are logins, never authorized. */
    static final String BYPASS_ATTRIBUTE = "io.github.upstoxtotp.http.apache.bearer-bypass";

    private UpstoxBearerAuth() {
    }

    /**
     * Adds the bearer header and the retry on an invalid token to {@code builder}. Call it once
     * per builder.
     *
     * @param builder the client builder, changed in place
     * @param tokens where the access token comes from; never closed by the client
     * @return {@code builder}, to go on configuring it
     */
    public static HttpClientBuilder install(HttpClientBuilder builder, TokenService tokens) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(tokens, "tokens");
        return builder
                .addRequestInterceptorLast(new BearerHeaderInterceptor())
                .addExecInterceptorFirst(HANDLER_NAME, new InvalidTokenRetryHandler(tokens));
    }
}
