package io.github.upstoxtotp.http.okhttp;

import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.token.TokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OkHttp application interceptor that authorizes calls to the Upstox API with the day's
 * access token from a {@link TokenService}, and recovers once when Upstox rejects it.
 *
 * <pre>{@code
 * TokenService tokens = upstoxTotp.tokenService();           // however the application gets it
 * OkHttpClient api = new OkHttpClient.Builder()
 *         .addInterceptor(new UpstoxBearerInterceptor(tokens))
 *         .build();
 * try (Response r = api.newCall(new Request.Builder()
 *         .url("https://api.upstox.com/v2/user/profile").build()).execute()) {
 *     ...                                                     // Authorization: Bearer <token> was sent
 * }
 * }</pre>
 *
 * <p><b>Each call</b> carries {@code Authorization: Bearer <token>}, replacing any
 * {@code Authorization} header the request had. The token is {@link TokenService#accessToken()}:
 * usually a memory read, a login when none is cached.
 *
 * <p><b>On a 401 whose body carries the error code {@code UDAPI100050}</b> (invalid token) the
 * interceptor calls {@link TokenService#invalidate(AccessToken)} with the token that call used, so
 * that any number of calls rejected together cause one new login, then fetches a token and sends
 * the call once more with it. The caller sees the second response, whatever it is: there is no
 * third attempt. The first 401 is returned as it came (its body still unread) when the new token
 * is the same as the rejected one, when the request body is one-shot ({@link RequestBody#isOneShot()})
 * and cannot be sent twice, or when the call was cancelled. Any other response, a 401 without
 * that code included, is returned untouched. Only the first 64 KiB of a 401 body are looked at,
 * through {@link Response#peekBody(long)}, so the caller can still read all of it.
 *
 * <p><b>When no token can be had</b> (the login fails), the call fails with an
 * {@link IOException} whose cause is the exception the {@link TokenService} threw (usually an
 * {@link UpstoxTotpException}: test {@code e.getCause()}); an interceptor may throw nothing else
 * without breaking OkHttp's asynchronous calls. Its message names the method and host, never
 * the token.
 *
 * <p><b>Where it goes.</b> Add it with {@link okhttp3.OkHttpClient.Builder#addInterceptor}:
 * added as a network interceptor it fails every call with an {@link IllegalStateException},
 * because a network interceptor may not send a call twice. It authorizes every host the client
 * calls, so give it a client meant for the Upstox API. {@link OkHttpPort} built over a client that
 * has this interceptor removes it from its own copy: the login never carries, nor waits for, the
 * token it is obtaining.
 *
 * <p><b>Why an interceptor and not an {@link okhttp3.Authenticator}:</b> an authenticator is
 * handed the 401 only after the call is framed, cannot set the header on the first attempt,
 * takes the client's single authenticator slot (often used for a proxy), and is re-asked on
 * every 401 in a row, so "once" would have to be counted from {@code priorResponse} chains. One
 * interceptor sees the token it sent and the answer, which is all the rule needs.
 *
 * <p>Thread-safe and stateless apart from the {@link TokenService}: one instance serves any number
 * of clients and concurrent calls. It never logs the token; it logs one DEBUG line (method and
 * host) when it sends a call again.
 */
public final class UpstoxBearerInterceptor implements Interceptor {

    /** The error code as a JSON string value, quoted so a longer code never matches. */
    private static final byte[] INVALID_TOKEN = "\"UDAPI100050\"".getBytes(StandardCharsets.US_ASCII);
    private static final long PEEK_LIMIT = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(UpstoxBearerInterceptor.class);

    private final TokenService tokens;

    /**
     * @param tokens where the access token comes from; the interceptor never closes it
     */
    public UpstoxBearerInterceptor(TokenService tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.connection() != null) {
            throw new IllegalStateException(
                    "UpstoxBearerInterceptor must be added with addInterceptor, not addNetworkInterceptor: it may send a call twice");
        }
        Request request = chain.request();
        AccessToken used = token(request);
        Response response = chain.proceed(authorized(request, used));
        if (response.code() != 401) {
            return response;
        }
        AccessToken fresh;
        try {
            fresh = replacement(chain, request, response, used);
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
        if (fresh == null) {
            return response;
        }
        // OkHttp refuses a second exchange while the first response is open
        response.close();
        return chain.proceed(authorized(request, fresh));
    }

    @Override
    public String toString() {
        return "UpstoxBearerInterceptor[" + tokens.getClass().getSimpleName() + "]";
    }

    /** The token to send the call again with, or null to hand the 401 back as it is. */
    private AccessToken replacement(Chain chain, Request request, Response unauthorized, AccessToken used) throws IOException {
        if (!rejectsTheToken(unauthorized)) {
            return null;
        }
        tokens.invalidate(used);
        if (oneShot(request) || chain.call().isCanceled()) {
            LOG.debug("Upstox rejected the access token for {} {}; the call cannot be sent again",
                    request.method(), request.url().host());
            return null;
        }
        AccessToken fresh = token(request);
        if (fresh.value().equals(used.value())) {
            LOG.debug("Upstox rejected the access token for {} {} and no newer one is available; not sent again",
                    request.method(), request.url().host());
            return null;
        }
        LOG.debug("Upstox rejected the access token for {} {}; sending the call once more with a new token",
                request.method(), request.url().host());
        return fresh;
    }

    private AccessToken token(Request request) throws IOException {
        AccessToken token;
        try {
            token = tokens.accessToken();
        } catch (RuntimeException e) {
            String why = e instanceof UpstoxTotpException ? e.getMessage() : "(" + e.getClass().getName() + ")";
            throw new IOException("no Upstox access token for " + request.method() + " " + request.url().host()
                    + ": the login failed: " + why, e);
        }
        String value = token.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IOException("the Upstox access token has a character at " + i + " that cannot be sent in a header");
            }
        }
        return token;
    }

    private static Request authorized(Request request, AccessToken token) {
        return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
    }

    private static boolean rejectsTheToken(Response response) throws IOException {
        byte[] head = response.peekBody(PEEK_LIMIT).bytes();
        return indexOf(head, INVALID_TOKEN) >= 0;
    }

    private static boolean oneShot(Request request) {
        RequestBody body = request.body();
        return body != null && (body.isOneShot() || body.isDuplex());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
