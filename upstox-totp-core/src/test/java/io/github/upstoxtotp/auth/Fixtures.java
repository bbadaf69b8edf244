package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;
import io.github.upstoxtotp.totp.TotpGenerator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.github.upstoxtotp.auth.Trees.arr;
import static io.github.upstoxtotp.auth.Trees.obj;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The test account, its secrets, and canned Upstox answers. */
final class Fixtures {
    static final String MOBILE = "9876543210";
    static final String PIN = "482913";
    static final String PIN_BASE64 = Base64.getEncoder().encodeToString(PIN.getBytes(StandardCharsets.UTF_8));
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    static final String CLIENT_ID = "client-abc-123";
    static final String CLIENT_SECRET = "cs-Sup3rSecretValue";
    static final String APP_REDIRECT = "https://app.example.com/upstox/callback";
    static final String USER_ID = "AB1234";
    static final String OTP_TOKEN = "otp-token-7f3a9c";
    static final String AUTH_CODE = "authcode-Zx81";
    static final String ACCESS_TOKEN = "eyJ.access.token-value";
    static final String EXTENDED_TOKEN = "eyJ.extended.token-value";
    static final long REFRESH_EXPIRY = 1_768_521_600_123L;
    /** 10 s into a 30 s TOTP window: the guard does not wait. */
    static final Instant NOW = Instant.parse("2026-01-15T09:00:10Z");
    static final String API = "https://api.upstox.com";
    static final String SERVICE = "https://service.upstox.com";
    static final String INTERNAL_REDIRECT_ENCODED = "https%3A%2F%2Fapi-v2.upstox.com%2Flogin%2Fauthorization%2Fredirect";
    static final String REQUEST_ID = "WPRO-aB3dE5gH7j";

    private Fixtures() {
    }

    static UpstoxTotpConfig config() {
        return UpstoxTotpConfig.builder()
                .username(MOBILE)
                .pinCode(PIN)
                .totpSecret(TOTP_SECRET)
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(APP_REDIRECT)
                .build();
    }

    static String totpAt(Instant at) {
        return TotpGenerator.forBase32Secret(TOTP_SECRET.toCharArray()).generate(at);
    }

    static StepContext context() {
        return new StepContext(config(), LoginProtocol.SEED, REQUEST_ID, FakeJson.INSTANCE, () -> totpAt(NOW));
    }

    /** Fails if {@code text} holds any secret of the test account or session. */
    static void assertNoSecret(String text) {
        for (String s : List.of(PIN, PIN_BASE64, TOTP_SECRET, CLIENT_SECRET, OTP_TOKEN, AUTH_CODE, ACCESS_TOKEN,
                EXTENDED_TOKEN, totpAt(NOW))) {
            assertFalse(text.contains(s), () -> "a secret leaked into: " + text);
        }
    }

    // ---- responses

    static HttpResponse json(int status, JsonValue tree, String... headers) {
        HttpHeaders.Builder h = HttpHeaders.builder().add("content-type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return HttpResponse.of(status, h.build(), FakeJson.INSTANCE.text(tree));
    }

    static HttpResponse html(int status) {
        return HttpResponse.of(status, HttpHeaders.of("content-type", "text/html; charset=utf-8"),
                "<html><body>Login</body></html>");
    }

    static HttpResponse redirect(int status, String location, String... setCookies) {
        HttpHeaders.Builder h = HttpHeaders.builder().add("Location", location);
        for (String c : setCookies) {
            h.add("Set-Cookie", c);
        }
        return new HttpResponse(status, h.build(), null);
    }

    /** The login service's success wrapper. */
    static HttpResponse success(JsonObject data, String... headers) {
        return json(200, obj("success", true, "data", data, "error", null), headers);
    }

    /** The login service's error envelope. */
    static HttpResponse loginError(int status, String code, String message) {
        return json(status, obj("success", false, "data", null, "error", obj("code", code, "message", message)));
    }

    /** The API's error envelope, with the field that may echo input. */
    static HttpResponse apiError(int status, String codeField, String code, String message, String invalidValue) {
        return json(status, obj("status", "error", "errors", arr(obj(codeField, code, "message", message,
                "propertyPath", "redirect_uri", "invalidValue", invalidValue))));
    }

    static String userIdLocation() {
        return "https://login.upstox.com/login?client_id=" + CLIENT_ID + "&user_id=" + USER_ID + "&user_type=individual";
    }

    static JsonObject otpData() {
        return obj("message", "OTP sent", "validateOTPToken", OTP_TOKEN, "nextRequestInterval", 30,
                "userType", "individual", "isTotpEnabled", true);
    }

    static JsonObject verifyData() {
        return obj("message", "verified", "userType", "individual", "userProfile",
                obj("profileId", 12345, "userId", USER_ID, "firstName", "Asha", "lastName", "Rao", "avatarUrl", null),
                "isSecretPinSet", true);
    }

    static JsonObject pinData() {
        return obj("redirectUri", "https://api-v2.upstox.com/login/authorization/redirect", "userType", "individual",
                "customerStatus", "ACTIVE", "appStatus", null, "refreshTokenExpiry", REFRESH_EXPIRY,
                "isPlusPlanFastWebsocketEnabled", false, "isNewRefreshTokenCreated", true, "isExternalClientOAuthApp", true);
    }

    static JsonObject oauthData() {
        return obj("redirectUri", APP_REDIRECT + "?code=" + AUTH_CODE, "isApproved", true);
    }

    static JsonObject tokenBody() {
        return obj("email", "asha@example.com", "exchanges", arr("NSE", "BSE"), "products", arr("D", "I"),
                "broker", "UPSTOX", "user_id", USER_ID, "user_name", "Asha Rao", "order_types", arr("MARKET", "LIMIT"),
                "user_type", "individual", "poa", false, "ddpi", true, "is_active", true,
                "access_token", ACCESS_TOKEN, "extended_token", EXTENDED_TOKEN);
    }

    /** A full, successful login's six answers (step 1 in two hops). */
    static List<HttpResponse> happyPath() {
        return List.of(
                redirect(302, "/v2/login/authorization/next?step=2", "sid=s1; Path=/; Domain=.upstox.com; Secure; HttpOnly"),
                redirect(302, userIdLocation()),
                success(otpData()),
                success(verifyData()),
                success(pinData()),
                success(oauthData()),
                json(200, tokenBody()));
    }
}
