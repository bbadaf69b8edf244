package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.Secret;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.upstoxtotp.auth.Fixtures.*;
import static io.github.upstoxtotp.auth.Trees.arr;
import static io.github.upstoxtotp.auth.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error envelopes are failures whatever the status; bodies that are not JSON are named. */
class ResponseDecoderTest {
    private final Redactor redactor = new Redactor(Secret.of(PIN), Secret.of(CLIENT_SECRET), Secret.of(TOTP_SECRET));
    private final ResponseDecoder decoder = new ResponseDecoder(FakeJson.INSTANCE, redactor);

    private UpstoxApiException apiFailure(LoginStep step, HttpResponse r) {
        return assertThrows(UpstoxApiException.class, () -> decoder.decode(step, r));
    }

    @Test
    void loginServiceEnvelopeWithHttp200IsAFailure() {
        UpstoxApiException e = apiFailure(LoginStep.PIN_2FA, loginError(200, "1017106", "You have entered an incorrect PIN"));
        assertEquals(LoginStep.PIN_2FA, e.step());
        assertEquals(200, e.httpStatus());
        assertEquals("1017106", e.code().orElseThrow());
        assertEquals("You have entered an incorrect PIN", e.serverMessage().orElseThrow());
        assertEquals(UpstoxErrorCode.WRONG_PIN.tip(), e.tip().orElseThrow());
        assertTrue(e.getMessage().contains("1017106"), e.getMessage());
    }

    @Test
    void loginServiceEnvelopeWithErrorStatusKeepsTheStatus() {
        UpstoxApiException e = apiFailure(LoginStep.OTP_GENERATE, loginError(400, "1017069", "Too many OTP requests"));
        assertEquals(400, e.httpStatus());
        assertEquals(UpstoxErrorCode.OTP_REQUESTS_BLOCKED.tip(), e.tip().orElseThrow());
    }

    @Test
    void loginServiceEnvelopeWithoutErrorObjectStillFails() {
        UpstoxApiException e = apiFailure(LoginStep.OTP_GENERATE, json(200, obj("success", false, "data", null)));
        assertTrue(e.code().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"errorCode", "error_code"})
    void apiEnvelopeInBothSpellingsIsAFailure(String codeField) {
        UpstoxApiException e = apiFailure(LoginStep.TOKEN_EXCHANGE,
                apiError(400, codeField, "UDAPI100016", "Invalid Credentials", CLIENT_SECRET));
        assertEquals("UDAPI100016", e.code().orElseThrow());
        assertEquals("Invalid Credentials", e.serverMessage().orElseThrow());
        assertEquals(UpstoxErrorCode.UDAPI100016.tip(), e.tip().orElseThrow());
    }

    @Test
    void apiEnvelopeWithHttp200IsAFailure() {
        UpstoxApiException e = apiFailure(LoginStep.AUTHORIZATION_DIALOG,
                apiError(200, "errorCode", "UDAPI100068", "Check your 'client_id' and 'redirect_uri'", "bad"));
        assertEquals(200, e.httpStatus());
        assertEquals(UpstoxErrorCode.UDAPI100068.tip(), e.tip().orElseThrow());
    }

    @Test
    void dataStatusErrorIsAFailure() {
        UpstoxApiException e = apiFailure(LoginStep.OAUTH_AUTHORIZE,
                json(200, obj("success", true, "data", obj("status", "error", "code", "1017016", "message", "Something went wrong"))));
        assertEquals("1017016", e.code().orElseThrow());
        assertEquals(UpstoxErrorCode.LOGIN_GENERIC_ERROR.tip(), e.tip().orElseThrow());
        UpstoxApiException nested = apiFailure(LoginStep.OAUTH_AUTHORIZE, json(200, obj("data",
                obj("status", "error", "errors", arr(obj("error_code", "UDAPI100500", "message", "Something went wrong"))))));
        assertEquals("UDAPI100500", nested.code().orElseThrow());
    }

    @Test
    void invalidValueNeverReachesTheMessage() {
        UpstoxApiException e = apiFailure(LoginStep.TOKEN_EXCHANGE,
                apiError(400, "errorCode", "UDAPI100036", "Invalid input", "echoed-input-value-42"));
        assertFalse(e.getMessage().contains("echoed-input-value-42"));
        assertFalse(e.getMessage().contains("redirect_uri"), "propertyPath is not used either");
    }

    @Test
    void wrongTotpGetsTheSecretAndClockTip() {
        UpstoxApiException e = apiFailure(LoginStep.TOTP_VERIFY,
                loginError(200, "1017035", "Invalid OTP. 4 attempts left"));
        assertEquals("1017035", e.code().orElseThrow(), "an unknown code is kept raw");
        assertEquals(UpstoxErrorCode.WRONG_TOTP_TIP, e.tip().orElseThrow());
    }

    @Test
    void unknownCodeIsKeptRawWithoutTip() {
        UpstoxApiException e = apiFailure(LoginStep.OTP_GENERATE, loginError(400, "9999999", "Nope"));
        assertEquals("9999999", e.code().orElseThrow());
        assertTrue(e.tip().isEmpty());
    }

    @Test
    void serverMessagesEchoingSecretsAreRedacted() {
        String totp = totpAt(NOW);
        redactor.learn(totp);
        redactor.learn(AUTH_CODE);
        String echo = "bad pin " + PIN + " (" + PIN_BASE64 + "), otp " + totp + ", secret " + CLIENT_SECRET
                + ", code " + AUTH_CODE + ", seed " + TOTP_SECRET;
        UpstoxApiException e = apiFailure(LoginStep.PIN_2FA, loginError(200, "1017106", echo));
        assertNoSecret(e.getMessage());
        assertNoSecret(e.serverMessage().orElseThrow());
        assertEquals("bad pin **** (****), otp ****, secret ****, code ****, seed ****", e.serverMessage().orElseThrow());
    }

    @Test
    void htmlWithSuccessStatusIsAProtocolErrorNamingTheBody() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decoder.decode(LoginStep.OTP_GENERATE, html(200)));
        assertEquals("body", e.field().orElseThrow());
        assertEquals(LoginStep.OTP_GENERATE, e.step());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
        assertFalse(e.getMessage().contains("Login"), "the body is never quoted");
    }

    @Test
    void emptySuccessIsAProtocolError() {
        HttpResponse empty = new HttpResponse(200, HttpHeaders.empty(), null);
        assertEquals("body", assertThrows(ProtocolException.class,
                () -> decoder.decode(LoginStep.TOKEN_EXCHANGE, empty)).field().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 429, 500, 502, 503})
    void errorStatusWithoutEnvelopeIsAnApiErrorWithoutCode(int status) {
        UpstoxApiException html = apiFailure(LoginStep.OTP_GENERATE, html(status));
        assertTrue(html.code().isEmpty());
        assertEquals(status, html.httpStatus());
        assertTrue(html.getMessage().contains("HTTP " + status), html.getMessage());
        assertTrue(html.tip().isPresent(), "401/403/429/5xx have a tip");
        UpstoxApiException jsonNoEnvelope = apiFailure(LoginStep.OTP_GENERATE, json(status, obj("message", "x")));
        assertTrue(jsonNoEnvelope.code().isEmpty());
        UpstoxApiException empty = apiFailure(LoginStep.OTP_GENERATE, new HttpResponse(status, HttpHeaders.empty(), null));
        assertTrue(empty.getMessage().contains("empty body"), empty.getMessage());
    }

    @Test
    void plainClientErrorWithoutEnvelopeHasNoTip() {
        assertNull(apiFailure(LoginStep.OTP_GENERATE, html(404)).tip().orElse(null));
    }

    @Test
    void successBodyIsReturnedAsTheTree() {
        JsonValue tree = obj("success", true, "data", obj("a", 1));
        assertSame(tree, decoder.decode(LoginStep.OTP_GENERATE, json(200, tree)));
    }
}
