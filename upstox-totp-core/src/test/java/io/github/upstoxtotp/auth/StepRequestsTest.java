package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.model.OAuthAuthorization;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.TwoFactorAuthentication;
import io.github.upstoxtotp.model.UserIdAndUserType;
import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.JsonText;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.github.upstoxtotp.auth.Fixtures.*;
import static io.github.upstoxtotp.auth.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact bytes each step puts on the wire. */
class StepRequestsTest {
    private static final UserIdAndUserType USER = new UserIdAndUserType(USER_ID, "individual", CLIENT_ID);
    private static final OtpValidation VALIDATION = new OtpValidation(null, null, null, null);

    private final StepContext context = context();

    /** The browser-like header block, in order, that every login-service call carries. */
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

    @Test
    void dialogIsAGetOfTheApiDialogWithTheAppsRedirectUri() {
        HttpRequest r = new AuthorizationDialogStep().request(new LoginState.Start(), context);
        assertEquals("GET", r.method());
        assertEquals(URI.create(API + "/v2/login/authorization/dialog?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fupstox%2Fcallback"), r.uri());
        assertEquals(HttpHeaders.of("accept", "application/json, text/plain, */*", "accept-language", "en-US,en;q=0.9",
                "user-agent", Wire.USER_AGENT, "x-request-id", REQUEST_ID), r.headers());
        assertEquals(0, r.bodyLength());
    }

    @Test
    void otpGeneratePostsMobileAndUserId() {
        HttpRequest r = new OtpGenerateStep().request(new LoginState.DialogResolved(USER), context);
        assertEquals("POST", r.method());
        assertEquals(URI.create(SERVICE + "/login/open/v6/auth/1fa/otp/generate"), r.uri());
        assertEquals(browserHeaders(), r.headers().fields());
        assertEquals(JsonText.write(obj("data", obj("mobileNumber", MOBILE, "userId", USER_ID))), r.bodyText());
    }

    @Test
    void totpVerifyPostsTheCurrentCodeAndTheOtpToken() {
        OtpGeneration otp = new OtpGeneration("sent", OTP_TOKEN, 30, "individual", true);
        HttpRequest r = new TotpVerifyStep().request(new LoginState.OtpIssued(USER, otp), context);
        assertEquals("POST", r.method());
        assertEquals(URI.create(SERVICE + "/login/open/v4/auth/1fa/otp-totp/verify"), r.uri());
        assertEquals(browserHeaders(), r.headers().fields());
        assertEquals(JsonText.write(obj("data", obj("otp", totpAt(NOW), "validateOtpToken", OTP_TOKEN))), r.bodyText());
    }

    @Test
    void pinPostsTheBase64PinWithTheInternalRedirect() {
        HttpRequest r = new PinStep().request(new LoginState.OtpVerified(USER, VALIDATION), context);
        assertEquals("POST", r.method());
        assertEquals(URI.create(SERVICE + "/login/open/v3/auth/2fa?client_id=" + CLIENT_ID + "&redirect_uri="
                + INTERNAL_REDIRECT_ENCODED), r.uri());
        assertEquals(browserHeaders(), r.headers().fields());
        assertEquals(JsonText.write(obj("data", obj("twoFAMethod", "SECRET_PIN", "inputText", PIN_BASE64))), r.bodyText());
    }

    @Test
    void pinIsBase64EncodedExactlyOnce() {
        HttpRequest r = new PinStep().request(new LoginState.OtpVerified(USER, VALIDATION), context);
        String body = r.bodyText();
        String inputText = body.substring(body.indexOf("\"inputText\":\"") + 13, body.lastIndexOf('"'));
        assertEquals(PIN, new String(Base64.getDecoder().decode(inputText), StandardCharsets.UTF_8));
        assertFalse(body.contains("\"" + PIN + "\""), "the plain PIN is never sent");
    }

    @Test
    void oauthAuthorizePostsApprovalWithRequestIdInTheQuery() {
        TwoFactorAuthentication twoFa = new TwoFactorAuthentication(null, null, null, null, null, null, null, null);
        HttpRequest r = new OAuthAuthorizeStep().request(new LoginState.PinAccepted(USER, VALIDATION, twoFa), context);
        assertEquals("POST", r.method());
        assertEquals(URI.create(SERVICE + "/login/v2/oauth/authorize?client_id=" + CLIENT_ID + "&redirect_uri="
                + INTERNAL_REDIRECT_ENCODED + "&requestId=" + REQUEST_ID + "&response_type=code"), r.uri());
        assertEquals(browserHeaders(), r.headers().fields());
        assertEquals("{\"data\":{\"userOAuthApproval\":true}}", r.bodyText());
    }

    @Test
    void tokenExchangeIsAFormPostWithoutBrowserHeaders() {
        OAuthAuthorization auth = new OAuthAuthorization(APP_REDIRECT + "?code=" + AUTH_CODE, AUTH_CODE, true);
        TokenExchangeStep step = new TokenExchangeStep();
        HttpRequest r = step.request(new LoginState.Authorized(USER, auth), context);
        assertEquals("POST", r.method());
        assertEquals(URI.create(API + "/v2/login/authorization/token"), r.uri());
        assertEquals(HttpHeaders.of("content-type", "application/x-www-form-urlencoded", "accept", "application/json"),
                r.headers());
        assertEquals("code=" + AUTH_CODE + "&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fupstox%2Fcallback&grant_type=authorization_code",
                r.bodyText());
        assertFalse(step.usesSession(), "no session cookies on the token exchange");
    }

    @Test
    void pathsComeFromTheProtocolTableAndBaseUrlsFromTheConfig() {
        LoginProtocol other = new LoginProtocol("test", "/d", "/g", "/v", "/p", "/o", "/t", URI.create("https://x.test/r"));
        StepContext c = new StepContext(io.github.upstoxtotp.config.UpstoxTotpConfig.builder()
                .username(MOBILE).pinCode(PIN).totpSecret(TOTP_SECRET).clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .redirectUri(APP_REDIRECT).apiBaseUrl("http://127.0.0.1:8080/api/").serviceBaseUrl("http://127.0.0.1:8080/svc")
                .build(), other, REQUEST_ID, FakeJson.INSTANCE, () -> "123456");
        assertEquals("http://127.0.0.1:8080/api/d?response_type=code&client_id=" + CLIENT_ID
                        + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fupstox%2Fcallback",
                new AuthorizationDialogStep().request(new LoginState.Start(), c).uri().toString());
        assertEquals("http://127.0.0.1:8080/svc/g",
                new OtpGenerateStep().request(new LoginState.DialogResolved(USER), c).uri().toString());
        assertEquals("http://127.0.0.1:8080/svc/p?client_id=" + CLIENT_ID + "&redirect_uri=https%3A%2F%2Fx.test%2Fr",
                new PinStep().request(new LoginState.OtpVerified(USER, VALIDATION), c).uri().toString());
    }

    @Test
    void queryValuesArePercentEncodedOnceAndFormValuesFormEncoded() {
        assertEquals("a=x%20y%2Bz%26%3D%25&b=%E2%82%B9", Wire.query("a", "x y+z&=%", "b", "\u20b9"));
        assertEquals("a=x+y%2Bz%26%3D%25", Wire.form("a", "x y+z&=%"));
        URI u = Wire.uri(URI.create("https://h.test/"), "/p", "redirect_uri", "https://a.test/cb?x=1 2");
        assertEquals("https://h.test/p?redirect_uri=https%3A%2F%2Fa.test%2Fcb%3Fx%3D1%202", u.toString());
        assertEquals("https://a.test/cb?x=1 2", Wire.queryParameters(u).get("redirect_uri"));
    }

    @Test
    void requestIdsAreWproPlusTenAlphanumericsAndRandom() {
        String a = Wire.newRequestId();
        assertTrue(a.matches("^WPRO-[A-Za-z0-9]{10}$"), a);
        assertFalse(a.equals(Wire.newRequestId()));
    }
}
