package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.UserIdAndUserType;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 1: GET the OAuth dialog and follow its redirects by hand, stopping — without fetching
 * it — at the first {@code Location} whose query carries {@code user_id}.
 *
 * <p>At most {@value #MAX_REQUESTS} requests are sent; relative locations are resolved against
 * the current URI; a location already visited is a loop. A JSON answer instead of a redirect
 * is decoded as an error envelope (typically UDAPI100068). Every way of ending without
 * {@code user_id} is a {@link ProtocolException} naming {@code user_id}.
 */
final class AuthorizationDialogStep implements Step<LoginState.Start, LoginState.DialogResolved> {
    static final int MAX_REQUESTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationDialogStep.class);
    private static final String USER_ID = "user_id";

    @Override
    public LoginStep id() {
        return LoginStep.AUTHORIZATION_DIALOG;
    }

    /** The first URI: the dialog with the app's client id and redirect URI. */
    URI dialogUri(StepContext c) {
        return Wire.uri(c.config().apiBaseUrl(), c.protocol().dialogPath(),
                "response_type", "code",
                "client_id", c.config().clientId(),
                "redirect_uri", c.config().redirectUri().toString());
    }

    @Override
    public HttpRequest request(LoginState.Start state, StepContext c) {
        return hop(dialogUri(c), c);
    }

    /** A GET of one hop of the chain; a browser navigating, so no content-type, origin or referer. */
    HttpRequest hop(URI uri, StepContext c) {
        return HttpRequest.get(uri)
                .header("accept", Wire.ACCEPT)
                .header("accept-language", Wire.ACCEPT_LANGUAGE)
                .header("user-agent", Wire.USER_AGENT)
                .header(Wire.REQUEST_ID_HEADER, c.requestId())
                .build();
    }

    /** Runs the whole chain. */
    LoginState.DialogResolved run(LoginState.Start state, StepContext c, Exchange exchange, ResponseDecoder decoder) {
        URI current = dialogUri(c);
        Set<URI> visited = new HashSet<>();
        for (int sent = 1; ; sent++) {
            visited.add(current);
            URI target = current;
            HttpResponse response = exchange.send(id(), () -> hop(target, c), true);
            if (LOG.isTraceEnabled()) { // guarded: the boxed arguments cost on every hop otherwise
                LOG.trace("step 1 hop {}: HTTP {} from {}{}", sent, response.status(), target.getHost(), target.getRawPath());
            }
            if (!response.isRedirect()) {
                JsonValue body;
                try {
                    body = decoder.decode(id(), response);
                } catch (ProtocolException notJson) {
                    throw noUserId("the redirect chain ended with HTTP " + response.status() + " (not JSON)", notJson);
                }
                return next(state, response, body);
            }
            URI next = location(current, response);
            Optional<LoginState.DialogResolved> resolved = resolve(next);
            if (resolved.isPresent()) {
                return resolved.get();
            }
            if (sent >= MAX_REQUESTS) {
                throw noUserId("no user_id after " + MAX_REQUESTS + " redirects", null);
            }
            if (next.getHost() == null || !("https".equalsIgnoreCase(next.getScheme()) || "http".equalsIgnoreCase(next.getScheme()))) {
                throw new ProtocolException(id(), "Location", "redirect to a URI that is not http(s) with a host, without user_id");
            }
            if (!visited.add(next)) {
                throw noUserId("redirect loop without user_id", null);
            }
            current = next;
        }
    }

    /** The redirect's target, resolved against the URI that answered it. */
    URI location(URI current, HttpResponse response) {
        String location = response.header("location")
                .orElseThrow(() -> new ProtocolException(id(), "Location", "HTTP " + response.status() + " redirect without a Location header"));
        try {
            return current.resolve(URI.create(location.strip()));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(id(), "Location", "malformed Location header", e);
        }
    }

    /** The result, if {@code location}'s query carries {@code user_id}. */
    Optional<LoginState.DialogResolved> resolve(URI location) {
        Map<String, String> q = Wire.queryParameters(location);
        String userId = q.get(USER_ID);
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LoginState.DialogResolved(new UserIdAndUserType(userId, q.get("user_type"), q.get("client_id"))));
    }

    /** Reached only for a final non-redirect answer without an error envelope. */
    @Override
    public LoginState.DialogResolved next(LoginState.Start state, HttpResponse response, JsonValue body) {
        throw noUserId("the redirect chain ended with HTTP " + response.status() + " and no error", null);
    }

    private ProtocolException noUserId(String why, Throwable cause) {
        return new ProtocolException(id(), USER_ID, why + ": user_id missing", cause);
    }
}
