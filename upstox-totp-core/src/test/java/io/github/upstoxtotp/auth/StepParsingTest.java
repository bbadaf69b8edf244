package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.OAuthAuthorization;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.TwoFactorAuthentication;
import io.github.upstoxtotp.model.UserIdAndUserType;
import io.github.upstoxtotp.model.UserProfile;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.List;

import static io.github.upstoxtotp.auth.Fixtures.*;
import static io.github.upstoxtotp.auth.Trees.arr;
import static io.github.upstoxtotp.auth.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binding each step's answer, and naming the step and field when it is not there. */
class StepParsingTest {
    private static final UserIdAndUserType USER = new UserIdAndUserType(USER_ID, "individual", CLIENT_ID);
    private static final OtpValidation VALIDATION = new OtpValidation(null, null, null, null);
    private static final HttpResponse OK = success(obj());
    private static final LoginState.PinAccepted PIN_ACCEPTED = new LoginState.PinAccepted(USER, VALIDATION,
            new TwoFactorAuthentication(null, null, null, null, null, null, null, null));

    private static JsonValue wrapped(Object data) {
        return obj("success", true, "data", data, "error", null);
    }

    private static void assertNamesField(LoginStep step, String field, Executable e) {
        ProtocolException p = assertThrows(ProtocolException.class, e);
        assertEquals(step, p.step());
        assertEquals(field, p.field().orElse(null));
        assertTrue(p.getMessage().contains(field), p.getMessage());
        assertTrue(p.getMessage().startsWith(step.label() + " (step " + step.number() + "/6)"), p.getMessage());
        assertNoSecret(p.getMessage());
    }

    @Test
    void otpGenerationBindsEveryField() {
        LoginState.OtpIssued s = new OtpGenerateStep().next(new LoginState.DialogResolved(USER), OK, wrapped(otpData()));
        assertEquals(new OtpGeneration("OTP sent", OTP_TOKEN, 30, "individual", true), s.otp());
        assertEquals(USER, s.user());
    }

    @Test
    void otpGenerationWithoutTokenNamesTheField() {
        OtpGenerateStep step = new OtpGenerateStep();
        LoginState.DialogResolved from = new LoginState.DialogResolved(USER);
        assertNamesField(LoginStep.OTP_GENERATE, "data.validateOTPToken",
                () -> step.next(from, OK, wrapped(obj("message", "OTP sent"))));
        assertNamesField(LoginStep.OTP_GENERATE, "data", () -> step.next(from, OK, obj("success", true)));
        assertNamesField(LoginStep.OTP_GENERATE, "data", () -> step.next(from, OK, obj("success", true, "data", "x")));
        assertNamesField(LoginStep.OTP_GENERATE, "body", () -> step.next(from, OK, arr(1)));
        assertNamesField(LoginStep.OTP_GENERATE, "data.isTotpEnabled",
                () -> step.next(from, OK, wrapped(obj("validateOTPToken", OTP_TOKEN, "isTotpEnabled", 1))));
    }

    @Test
    void totpVerificationBindsTheProfile() {
        LoginState.OtpVerified s = new TotpVerifyStep().next(
                new LoginState.OtpIssued(USER, new OtpGeneration(null, OTP_TOKEN, null, null, null)), OK, wrapped(verifyData()));
        assertEquals(new OtpValidation("verified", "individual", new UserProfile(12345, USER_ID, "Asha", "Rao", null), true),
                s.validation());
    }

    @Test
    void totpVerificationProfileIdMustBeAnInt() {
        TotpVerifyStep step = new TotpVerifyStep();
        LoginState.OtpIssued from = new LoginState.OtpIssued(USER, new OtpGeneration(null, OTP_TOKEN, null, null, null));
        assertNamesField(LoginStep.TOTP_VERIFY, "data.userProfile.profileId",
                () -> step.next(from, OK, wrapped(obj("userProfile", obj("userId", USER_ID)))));
        assertNamesField(LoginStep.TOTP_VERIFY, "data.userProfile.profileId",
                () -> step.next(from, OK, wrapped(obj("userProfile", obj("profileId", 3_000_000_000L)))));
        assertNamesField(LoginStep.TOTP_VERIFY, "data.userProfile.profileId",
                () -> step.next(from, OK, wrapped(obj("userProfile", obj("profileId", true)))));
        assertNamesField(LoginStep.TOTP_VERIFY, "data", () -> step.next(from, OK, obj("success", true, "data", null)));
        // absent profile is allowed: newer variants answer with accounts[] instead
        assertNull(step.next(from, OK, wrapped(obj("message", "ok"))).validation().profile());
    }

    @Test
    void pinBindsRefreshTokenExpiryExactly() {
        LoginState.PinAccepted s = new PinStep().next(new LoginState.OtpVerified(USER, VALIDATION), OK, wrapped(pinData()));
        TwoFactorAuthentication t = s.twoFactor();
        assertEquals(REFRESH_EXPIRY, t.refreshTokenExpiry());
        assertEquals(Instant.ofEpochMilli(REFRESH_EXPIRY), t.refreshTokenExpiresAt().orElseThrow());
        assertEquals("ACTIVE", t.customerStatus());
        assertNull(t.appStatus());
        assertEquals(Boolean.FALSE, t.isPlusPlanFastWebsocketEnabled());
        assertEquals(Boolean.TRUE, t.isNewRefreshTokenCreated());
        assertEquals(Boolean.TRUE, t.isExternalClientOAuthApp());
        assertNamesField(LoginStep.PIN_2FA, "data",
                () -> new PinStep().next(new LoginState.OtpVerified(USER, VALIDATION), OK, obj("success", true)));
        assertNamesField(LoginStep.PIN_2FA, "data.refreshTokenExpiry",
                () -> new PinStep().next(new LoginState.OtpVerified(USER, VALIDATION), OK,
                        wrapped(obj("refreshTokenExpiry", obj()))));
    }

    @Test
    void oauthTakesTheCodeFromTheRedirectUri() {
        LoginState.Authorized s = new OAuthAuthorizeStep().next(PIN_ACCEPTED, OK, wrapped(oauthData()));
        assertEquals(new OAuthAuthorization(APP_REDIRECT + "?code=" + AUTH_CODE, AUTH_CODE, true), s.authorization());
        LoginState.Authorized encoded = new OAuthAuthorizeStep().next(PIN_ACCEPTED, OK,
                wrapped(obj("redirectUri", APP_REDIRECT + "?state=1&code=a%2Fb%3D")));
        assertEquals("a/b=", encoded.authorization().code());
    }

    @Test
    void oauthWithoutCodeIsAProtocolError() {
        OAuthAuthorizeStep step = new OAuthAuthorizeStep();
        assertNamesField(LoginStep.OAUTH_AUTHORIZE, "data.redirectUri",
                () -> step.next(PIN_ACCEPTED, OK, wrapped(obj("redirectUri", APP_REDIRECT + "?state=1", "isApproved", true))));
        assertNamesField(LoginStep.OAUTH_AUTHORIZE, "data.redirectUri",
                () -> step.next(PIN_ACCEPTED, OK, wrapped(obj("redirectUri", APP_REDIRECT + "?code="))));
        assertNamesField(LoginStep.OAUTH_AUTHORIZE, "data.redirectUri",
                () -> step.next(PIN_ACCEPTED, OK, wrapped(obj("isApproved", true))));
        assertNamesField(LoginStep.OAUTH_AUTHORIZE, "data.redirectUri",
                () -> step.next(PIN_ACCEPTED, OK, wrapped(obj("redirectUri", "https://a b/?code=" + AUTH_CODE))));
    }

    @Test
    void tokenExchangeBindsTheBareObject() {
        LoginState.Authorized from = new LoginState.Authorized(USER, new OAuthAuthorization("x?code=c", "c", true));
        AccessTokenData t = new TokenExchangeStep().next(from, OK, tokenBody()).token();
        assertEquals(new AccessTokenData("asha@example.com", List.of("NSE", "BSE"), List.of("D", "I"), "UPSTOX", USER_ID,
                "Asha Rao", List.of("MARKET", "LIMIT"), "individual", false, true, true, ACCESS_TOKEN, EXTENDED_TOKEN), t);
        AccessTokenData minimal = new TokenExchangeStep().next(from, OK, obj("access_token", ACCESS_TOKEN, "extended_token", null)).token();
        assertEquals(List.of(), minimal.exchanges());
        assertNull(minimal.extendedToken());
    }

    @Test
    void tokenExchangeWithoutAccessTokenNamesTheField() {
        LoginState.Authorized from = new LoginState.Authorized(USER, new OAuthAuthorization("x?code=c", "c", true));
        TokenExchangeStep step = new TokenExchangeStep();
        assertNamesField(LoginStep.TOKEN_EXCHANGE, "access_token", () -> step.next(from, OK, obj("user_id", USER_ID)));
        assertNamesField(LoginStep.TOKEN_EXCHANGE, "access_token", () -> step.next(from, OK, obj("access_token", "  ")));
        assertNamesField(LoginStep.TOKEN_EXCHANGE, "exchanges", () -> step.next(from, OK,
                obj("access_token", ACCESS_TOKEN, "exchanges", "NSE")));
        assertNamesField(LoginStep.TOKEN_EXCHANGE, "exchanges[1]", () -> step.next(from, OK,
                obj("access_token", ACCESS_TOKEN, "exchanges", arr("NSE", 1))));
    }

    @Test
    void numbersAndBooleansSentAsStringsAreAccepted() {
        LoginState.OtpIssued s = new OtpGenerateStep().next(new LoginState.DialogResolved(USER), OK,
                wrapped(obj("validateOTPToken", OTP_TOKEN, "nextRequestInterval", "30", "isTotpEnabled", "true")));
        assertEquals(30, s.otp().nextRequestInterval());
        assertEquals(Boolean.TRUE, s.otp().isTotpEnabled());
        assertNamesField(LoginStep.OTP_GENERATE, "data.nextRequestInterval", () -> new OtpGenerateStep().next(
                new LoginState.DialogResolved(USER), OK, wrapped(obj("validateOTPToken", OTP_TOKEN, "nextRequestInterval", "soon"))));
    }
}
