package io.github.upstoxtotp.examples.guice;

import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.token.TokenService;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Stands for an application class that calls the Upstox API: it depends on {@link TokenService}
 * only, gets it injected, and knows nothing about logins, adapters or Guice modules.
 *
 * <p>It asks the service for the token on every call instead of keeping a copy: the service
 * answers from memory while the token is good and logs in again (once, for all threads) when
 * it is not, so the application never holds a dead token.
 */
public final class TradingApp {
    private final TokenService tokens;

    /** {@code jakarta.inject.Inject}: Guice 7 honours it, and the class stays free of Guice types. */
    @Inject
    public TradingApp(TokenService tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The header value an Upstox API call carries. A secret: send it, never log it. */
    public String authorizationHeader() {
        return "Bearer " + tokens.accessToken().value();
    }

    /** Who is logged in and until when; safe to print. */
    public String status() {
        AccessToken token = tokens.accessToken();
        return "Logged in as " + token.userId() + "; the access token is valid until " + token.expiresAt();
    }
}
