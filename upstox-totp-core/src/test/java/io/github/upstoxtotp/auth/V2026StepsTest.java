package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.UserIdAndUserType;
import io.github.upstoxtotp.model.UserProfile;
import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonText;
import io.github.upstoxtotp.port.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.github.upstoxtotp.auth.Fixtures.*;
import static io.github.upstoxtotp.auth.Trees.arr;
import static io.github.upstoxtotp.auth.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2026 login protocol at the step level: the exact requests, and binding (or refusing) the answers. */
class V2026StepsTest {
    private static final UserIdAndUserType USER = new UserIdAndUserType(USER_ID, "individual", CLIENT_ID);
    private static final UserProfile PROFILE = new UserProfile(12345, USER_ID, "Asha", "Rao", null);
    private static final OtpValidation VERIFIED = new OtpValidation("verified", "individual", PROFILE, true);
    private static final LoginState.OtpIssued OTP_ISSUED =
            new LoginState.OtpIssued(USER, new OtpGeneration(null, OTP_TOKEN, null, null, null));
    private static final HttpResponse OK = success(obj());
    private static final String TO_SEED = "; this looks like the seed login protocol: set UPSTOX_LOGIN_PROTOCOL=seed";
    private static final String TO_V2026 = "; this looks like the v2026 login protocol: set UPSTOX_LOGIN_PROTOCOL=v2026";

    private final StepContext v2026 = context(LoginProtocol.V2026);
    private final StepContext seed = context(LoginProtocol.SEED);

    static StepContext context(LoginProtocol protocol) {
        return new StepContext(config(), protocol, REQUEST_ID, FakeJson.INSTANCE, () -> totpAt(NOW));
    }

    private static List<HttpHeaders.Field> browserHeaders() {
        return HttpHeaders.of(
                "accept", "application/json, text/plain, */*",
                "accept-language", "en-US,en;q=0.9",
                "content-type", "application/json",
                "origin", "https://login.upstox.com",
                "referer", "https://login.upstox.com/",
                "user-agent", Wire.USER_AGENT,
                "x-device-details", Wire.DEVICE_DETAILS,
                "x-request-id", REQUEST_ID).fields();
    }

    private static JsonValue wrapped(Object data) {
        return obj("success", true, "data", data, "error", null);
    }

    private static JsonValue accounts(Object... accounts) {
        return wrapped(obj("message", "verified", "userType", "individual", "accounts", arr(accounts),
                "isSecretPinSet", true));
    }

    private static ProtocolException assertNamesField(String field, Executable e) {
        ProtocolException p = assertThrows(ProtocolException.class, e);
        assertEquals(LoginStep.TOTP_VERIFY, p.step());
        assertEquals(field, p.field().orElse(null));
        assertTrue(p.getMessage().startsWith("TOTP verification (step 3/6): " + field), p.getMessage());
        assertNoSecret(p.getMessage());
        return p;
    }

    // ---- requests

    @Test
    void otpGenerateAddsTheCountryIsdCode() {
        HttpRequest r = new OtpGenerateStep().request(new LoginState.DialogResolved(USER), v2026);
        assertEquals("POST", r.method());
        assertEquals(URI.create(SERVICE + "/login/open/v6/auth/1fa/otp/generate"), r.uri());
        assertEquals(browserHeaders(), r.headers().fields());
        assertEquals(JsonText.write(obj("data", obj("mobileNumber", MOBILE, "userId", USER_ID, "countryIsdCode", "+91"))),
                r.bodyText());
    }

    @Test
    void totpVerifyGoesToV5WithTheSameBody() {
        HttpRequest r = new TotpVerifyStep().request(OTP_ISSUED, v2026);
        assertEquals(URI.create(SERVICE + "/login/open/v5/auth/1fa/otp-totp/verify"), r.uri());
        assertEquals(browserHeaders(), r.headers().fields());
        assertEquals(JsonText.write(obj("data", obj("otp", totpAt(NOW), "validateOtpToken", OTP_TOKEN))), r.bodyText());
    }

    @Test
    void pinGoesToV4WithTheProfileIdAsANumberAndTheProfileHeaders() {
        HttpRequest r = new PinStep().request(new LoginState.OtpVerified(USER, VERIFIED), v2026);
        assertEquals("POST", r.method());
        assertEquals(URI.create(SERVICE + "/login/open/v4/auth/2fa?client_id=" + CLIENT_ID + "&redirect_uri="
                + INTERNAL_REDIRECT_ENCODED), r.uri());
        List<HttpHeaders.Field> headers = new ArrayList<>(browserHeaders());
        headers.addAll(HttpHeaders.of("X-Profile-Id", "12345", "X-User-Id", USER_ID).fields());
        assertEquals(headers, r.headers().fields());
        assertEquals(JsonText.write(obj("data", obj("twoFAMethod", "SECRET_PIN", "inputText", PIN_BASE64,
                "profileId", 12345))), r.bodyText());
        assertTrue(r.bodyText().contains("\"profileId\":12345}"), "a JSON number, not a string: " + r.bodyText());
    }

    @Test
    void aV2026PinWithoutAProfileIsRefusedBeforeAnythingIsSent() {
        OtpValidation none = new OtpValidation(null, null, null, null);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> new PinStep().request(new LoginState.OtpVerified(USER, none), v2026));
        assertEquals(LoginStep.PIN_2FA, e.step());
        assertTrue(e.getMessage().contains("the PIN was not sent"), e.getMessage());
        assertNoSecret(e.getMessage());
    }

    @Test
    void theSeedPinCarriesNoProfileEvenWhenOneIsKnown() {
        HttpRequest r = new PinStep().request(new LoginState.OtpVerified(USER, VERIFIED), seed);
        assertEquals(URI.create(SERVICE + "/login/open/v3/auth/2fa?client_id=" + CLIENT_ID + "&redirect_uri="
                + INTERNAL_REDIRECT_ENCODED), r.uri());
        assertEquals(browserHeaders(), r.headers().fields());
        assertEquals(JsonText.write(obj("data", obj("twoFAMethod", "SECRET_PIN", "inputText", PIN_BASE64))), r.bodyText());
        assertFalse(new OtpGenerateStep().request(new LoginState.DialogResolved(USER), seed).bodyText()
                .contains("countryIsdCode"));
    }

    // ---- parsing

    @Test
    void theAccountWhoseUserIdIsStep1sIsChosen() {
        LoginState.OtpVerified s = new TotpVerifyStep().next(OTP_ISSUED, v2026, OK, accounts(
                obj("profileId", 777, "userId", "OTHER1", "firstName", "Other"),
                obj("profileId", 12345, "userId", USER_ID, "firstName", "Asha", "lastName", "Rao", "avatarUrl", null)));
        assertEquals(new OtpValidation("verified", "individual", PROFILE, true), s.validation());
        assertEquals(USER, s.user());
    }

    @Test
    void withoutAMatchingUserIdTheFirstAccountIsChosen() {
        LoginState.OtpVerified s = new TotpVerifyStep().next(OTP_ISSUED, v2026, OK, accounts(
                obj("profileId", 777, "userId", "OTHER1"), obj("profileId", 888, "userId", "OTHER2")));
        assertEquals(new UserProfile(777, "OTHER1", null, null, null), s.validation().profile());
        LoginState.OtpVerified asString = new TotpVerifyStep().next(OTP_ISSUED, v2026, OK,
                accounts(obj("profileId", "4242", "userId", USER_ID)));
        assertEquals(4242, asString.validation().profile().profileId(), "a number sent as a string is read");
    }

    @Test
    void theChosenAccountNeedsAnIntProfileIdAndAUserId() {
        TotpVerifyStep step = new TotpVerifyStep();
        assertNamesField("data.accounts[0].profileId", () -> step.next(OTP_ISSUED, v2026, OK,
                accounts(obj("userId", USER_ID))));
        assertNamesField("data.accounts[0].profileId", () -> step.next(OTP_ISSUED, v2026, OK,
                accounts(obj("profileId", 3_000_000_000L, "userId", USER_ID))));
        assertNamesField("data.accounts[0].userId", () -> step.next(OTP_ISSUED, v2026, OK,
                accounts(obj("profileId", 1), obj("profileId", 2, "userId", "OTHER1"))));
        assertNamesField("data.accounts[0].userId", () -> step.next(OTP_ISSUED, v2026, OK,
                accounts(obj("profileId", 1, "userId", true))));
        assertNamesField("data.accounts[0].userId", () -> step.next(OTP_ISSUED, v2026, OK,
                accounts(obj("profileId", 1, "userId", "  "))));
    }

    @Test
    void accountsMustBeANonEmptyArrayOfObjects() {
        TotpVerifyStep step = new TotpVerifyStep();
        ProtocolException empty = assertNamesField("data.accounts", () -> step.next(OTP_ISSUED, v2026, OK, accounts()));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
        assertNamesField("data.accounts", () -> step.next(OTP_ISSUED, v2026, OK, wrapped(obj("accounts", obj()))));
        assertNamesField("data.accounts[1]", () -> step.next(OTP_ISSUED, v2026, OK,
                accounts(obj("profileId", 1, "userId", USER_ID), "x")));
        ProtocolException missing = assertNamesField("data.accounts", () -> step.next(OTP_ISSUED, v2026, OK,
                wrapped(obj("message", "ok"))));
        assertEquals("TOTP verification (step 3/6): data.accounts missing (expected array of objects)",
                missing.getMessage(), "nothing suggests the other variant: no suggestion");
    }

    @Test
    void aUserProfileAnswerToV2026SuggestsTheSeedProtocol() {
        ProtocolException e = assertNamesField("data.accounts",
                () -> new TotpVerifyStep().next(OTP_ISSUED, v2026, OK, wrapped(verifyData())));
        assertTrue(e.getMessage().contains("data.userProfile"), e.getMessage());
        assertTrue(e.getMessage().endsWith(TO_SEED), e.getMessage());
    }

    @Test
    void anAccountsAnswerToSeedSuggestsTheV2026Protocol() {
        JsonValue body = accounts(obj("profileId", 12345, "userId", USER_ID));
        for (Executable e : List.<Executable>of(
                () -> new TotpVerifyStep().next(OTP_ISSUED, seed, OK, body),
                () -> new TotpVerifyStep().next(OTP_ISSUED, OK, body))) {
            ProtocolException p = assertNamesField("data.userProfile", e);
            assertEquals("TOTP verification (step 3/6): data.userProfile missing (the answer has data.accounts instead,"
                    + " which the seed login protocol does not use)" + TO_V2026, p.getMessage());
        }
    }

    @Test
    void theSeedStillReadsItsUserProfileWhenAccountsComeToo() {
        JsonValue both = wrapped(obj("userProfile", obj("profileId", 12345, "userId", USER_ID),
                "accounts", arr(obj("profileId", 1, "userId", "X"))));
        assertEquals(12345, new TotpVerifyStep().next(OTP_ISSUED, seed, OK, both).validation().profile().profileId());
        assertEquals(1, new TotpVerifyStep().next(OTP_ISSUED, v2026, OK, both).validation().profile().profileId(),
                "v2026 reads accounts[] (the only entry, no match: the first)");
    }
}
