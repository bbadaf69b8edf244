package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.JsonPort;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Routes a request to its step by host, port and path (the bases' paths prefixed), checks the
 * method and the body size, and runs the step's handler under the state lock.
 */
final class Dispatcher {

    /** Where a request goes: its endpoint, the method it must use, and which host's envelopes it gets. */
    record Route(SimulatorEndpoint endpoint, String method, boolean loginService) {
    }

    private static final Route UNKNOWN = new Route(SimulatorEndpoint.UNKNOWN, "", false);

    private final SimulatorState state;
    private final Envelopes env;
    private final JsonPort json;

    Dispatcher(SimulatorState state, Envelopes env, JsonPort json) {
        this.state = state;
        this.env = env;
        this.json = json;
    }

    Route route(URI uri) {
        SimulatorConfig c = state.config;
        LoginProtocol p = c.protocol();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (sameOrigin(uri, c.apiBase())) {
            String base = c.apiBase().getRawPath();
            if (path.equals(base + p.dialogPath())) {
                return new Route(SimulatorEndpoint.AUTHORIZATION_DIALOG, "GET", false);
            }
            if (path.equals(base + SimulatorConfig.HOP_PATH)) {
                return new Route(SimulatorEndpoint.DIALOG_HOP, "GET", false);
            }
            if (path.equals(base + p.tokenPath())) {
                return new Route(SimulatorEndpoint.TOKEN_EXCHANGE, "POST", false);
            }
        }
        if (sameOrigin(uri, c.serviceBase())) {
            String base = c.serviceBase().getRawPath();
            if (path.equals(base + p.otpGeneratePath())) {
                return new Route(SimulatorEndpoint.OTP_GENERATE, "POST", true);
            }
            if (path.equals(base + p.totpVerifyPath())) {
                return new Route(SimulatorEndpoint.TOTP_VERIFY, "POST", true);
            }
            if (path.equals(base + p.pinPath())) {
                return new Route(SimulatorEndpoint.PIN_2FA, "POST", true);
            }
            if (path.equals(base + p.oauthAuthorizePath())) {
                return new Route(SimulatorEndpoint.OAUTH_AUTHORIZE, "POST", true);
            }
        }
        return UNKNOWN;
    }

    /** Answers the request; a {@link Rejection} from a check becomes its reply. */
    SimReply dispatch(Route route, HttpRequest request, Instant now) {
        if (route.endpoint() == SimulatorEndpoint.UNKNOWN) {
            return env.apiError(404, Envelopes.NOT_SUPPORTED, "Request not supported: no such endpoint", null);
        }
        if (!route.method().equals(request.method())) {
            return env.apiError(405, Envelopes.NOT_SUPPORTED, "Request not supported: use " + route.method(), null);
        }
        if (request.bodyLength() > state.config.maxBodyBytes()) {
            return route.loginService()
                    ? env.loginError(413, Envelopes.LOGIN_GENERIC, "Request body too large")
                    : env.apiError(413, Envelopes.INVALID_INPUT, "Invalid input: request body too large", null);
        }
        Rejection badInput = route.loginService()
                ? env.loginReject(400, Envelopes.LOGIN_GENERIC, "Invalid request: the body or query could not be read")
                : env.apiReject(400, Envelopes.INVALID_INPUT, "Invalid input: the body or query could not be read", null);
        SimExchange ex = new SimExchange(request, now, json, badInput);
        // one lock for the whole step: a step reads and writes session, account and codes together
        synchronized (state) {
            try {
                return handle(route.endpoint(), ex);
            } catch (Rejection r) {
                return r.reply();
            }
        }
    }

    private SimReply handle(SimulatorEndpoint endpoint, SimExchange ex) {
        switch (endpoint) {
            case AUTHORIZATION_DIALOG:
                return DialogHandler.dialog(ex, state, env);
            case DIALOG_HOP:
                return DialogHandler.hop(ex, state, env);
            case OTP_GENERATE:
                return OtpGenerateHandler.handle(ex, state, env);
            case TOTP_VERIFY:
                return TotpVerifyHandler.handle(ex, state, env);
            case PIN_2FA:
                return PinHandler.handle(ex, state, env);
            case OAUTH_AUTHORIZE:
                return OAuthAuthorizeHandler.handle(ex, state, env);
            case TOKEN_EXCHANGE:
                return TokenExchangeHandler.handle(ex, state, env);
            default:
                throw new IllegalStateException("no handler for " + endpoint);
        }
    }

    /** Same host (case-insensitive) and same effective port; the scheme only decides the default port. */
    static boolean sameOrigin(URI uri, URI base) {
        return uri.getHost() != null
                && uri.getHost().toLowerCase(Locale.ROOT).equals(base.getHost().toLowerCase(Locale.ROOT))
                && port(uri) == port(base);
    }

    static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
