package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.model.OAuthAuthorization;
import io.github.upstoxtotp.model.UserIdAndUserType;
import org.junit.jupiter.api.Test;

import static io.github.upstoxtotp.auth.Fixtures.APP_REDIRECT;
import static io.github.upstoxtotp.auth.Fixtures.AUTH_CODE;
import static io.github.upstoxtotp.auth.Fixtures.CLIENT_ID;
import static io.github.upstoxtotp.auth.Fixtures.USER_ID;
import static io.github.upstoxtotp.auth.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code refresh_extended_token}: sent only when asked for. */
class TokenExchangeExtendedTokenTest {
    private static final LoginState.Authorized AUTHORIZED = new LoginState.Authorized(
            new UserIdAndUserType(USER_ID, "individual", CLIENT_ID),
            new OAuthAuthorization(APP_REDIRECT + "?code=" + AUTH_CODE, AUTH_CODE, true));

    @Test
    void notSentByDefault() {
        String body = new TokenExchangeStep().request(AUTHORIZED, context()).bodyText();
        assertFalse(body.contains("refresh_extended_token"), body);
        assertFalse(new TokenExchangeStep(false).request(AUTHORIZED, context()).bodyText().contains("refresh_extended_token"));
    }

    @Test
    void sentLastWhenAskedFor() {
        String body = new TokenExchangeStep(true).request(AUTHORIZED, context()).bodyText();
        assertTrue(body.endsWith("&grant_type=authorization_code&refresh_extended_token=true"), body);
    }
}
