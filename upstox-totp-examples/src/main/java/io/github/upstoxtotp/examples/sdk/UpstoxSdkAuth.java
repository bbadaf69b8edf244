package io.github.upstoxtotp.examples.sdk;

import com.squareup.okhttp.Interceptor;
import com.squareup.okhttp.Request;
import com.squareup.okhttp.Response;
import com.upstox.ApiClient;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.token.TokenService;
import java.io.IOException;
import java.util.Objects;
import okio.BufferedSource;

/**
 * Bridges {@link TokenService} to the official Upstox Java SDK ({@code com.upstox.api:upstox-java-sdk}):
 * an OkHttp 2 {@link Interceptor} (the SDK's HTTP client is OkHttp 2, package
 * {@code com.squareup.okhttp}) that authorizes every SDK call with the current access token.
 *
 * <pre>{@code
 * ApiClient api = UpstoxSdkAuth.install(new ApiClient(), upstox.tokenService());
 * GetProfileResponse me = new UserApi(api).getProfile("2.0");
 * }</pre>
 *
 * <p><b>Each call</b> gets {@code Authorization: Bearer <token>} from
 * {@link TokenService#accessToken()}: a memory read while the token is good, a login when it is
 * not. This replaces {@code ApiClient.setAccessToken(..)}, which would freeze one token into the
 * client and keep sending it after it died.
 *
 * <p><b>When Upstox rejects the token</b> (HTTP 401 with error code {@code UDAPI100050}: revoked,
 * or expired earlier than expected), the bridge drops that token with
 * {@link TokenService#invalidate(AccessToken)}, takes a fresh one and sends the call once more.
 * Whatever the second attempt answers goes back to the SDK: there is never a third. Passing the
 * rejected token (rather than calling {@code invalidate()}) matters when many calls fail together:
 * only the first drop takes effect, so they share one new login instead of starting one each.
 * Any other answer, including a 401 with another code, reaches the SDK untouched.
 *
 * <p><b>When no token can be had</b> (the login fails), the call fails with an {@link IOException}
 * whose cause is the library's exception; the SDK hands it to you as an {@code ApiException}
 * whose cause is that {@code IOException}. An OkHttp interceptor must not throw anything else.
 *
 * <p>Add it with {@code getHttpClient().interceptors()} (as {@link #install} does), not to
 * {@code networkInterceptors()}: only an application interceptor may send a call twice. Do not
 * turn on {@code ApiClient.setDebugging(true)} in production: its logging interceptor prints
 * request headers, the token among them. Thread-safe; never logs or prints the token.
 */
public final class UpstoxSdkAuth implements Interceptor {
    /** Upstox's "Invalid token used to access API" code, quoted so a longer code never matches. */
    private static final String INVALID_TOKEN = "\"UDAPI100050\"";
    /** Error bodies are small; looking at more of a strange one is not worth it. */
    private static final long PEEK_LIMIT = 64 * 1024;

    private final TokenService tokens;

    /** @param tokens where tokens come from; the bridge never closes it */
    public UpstoxSdkAuth(TokenService tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Adds a bridge to {@code client}'s OkHttp client. Call it before the client is used: OkHttp 2's
     * interceptor list is not safe to change while calls run.
     *
     * @return {@code client}, for chaining
     */
    public static ApiClient install(ApiClient client, TokenService tokens) {
        client.getHttpClient().interceptors().add(new UpstoxSdkAuth(tokens));
        return client;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AccessToken used = token();
        Response response = chain.proceed(withBearer(request, used));
        if (response.code() != 401) {
            return response;
        }
        AccessToken fresh;
        try {
            if (!rejectsToken(response)) {
                return response;
            }
            tokens.invalidate(used); // false when another call already dropped it: then we share its login
            fresh = token();
        } catch (IOException | RuntimeException e) {
            response.body().close(); // the SDK will never see this response: free its connection
            throw e;
        }
        if (fresh.value().equals(used.value())) {
            return response; // nothing better to send; the 401 goes back, body unread
        }
        response.body().close(); // frees the connection before the second attempt
        return chain.proceed(withBearer(request, fresh));
    }

    private AccessToken token() throws IOException {
        try {
            return tokens.accessToken();
        } catch (RuntimeException e) {
            // the library's messages never hold a secret, so quoting it is safe
            throw new IOException("no Upstox access token: the login failed: " + e.getMessage(), e);
        }
    }

    private static Request withBearer(Request request, AccessToken token) {
        return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
    }

    /** Looks at the start of the body without consuming it, so the SDK can still read all of it. */
    private static boolean rejectsToken(Response response) throws IOException {
        BufferedSource source = response.body().source();
        source.request(PEEK_LIMIT); // buffers up to the limit (less if the body is shorter)
        return source.buffer().clone().readUtf8().contains(INVALID_TOKEN);
    }
}
