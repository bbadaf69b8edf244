package io.github.upstoxtotp.model;

import io.github.upstoxtotp.error.LoginStep;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.port.JsonText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masked toString, and the JSON trees with and without secrets. */
class ModelRecordsTest {
    private static final String OTP_TOKEN = "otp-token-7f3a9c";
    private static final String CODE = "authcode-Zx81";
    private static final String ACCESS = "eyJ.access.token-value";
    private static final String EXTENDED = "eyJ.extended.token-value";

    private static final OtpGeneration OTP = new OtpGeneration("OTP sent", OTP_TOKEN, 30, "individual", true);
    private static final OAuthAuthorization OAUTH =
            new OAuthAuthorization("https://app.example.com/cb?code=" + CODE, CODE, true);
    private static final TwoFactorAuthentication TWO_FA = new TwoFactorAuthentication(
            "https://api-v2.upstox.com/login/authorization/redirect?code=" + CODE, "individual", "ACTIVE", null,
            1_768_521_600_123L, false, true, true);
    private static final AccessTokenData TOKEN = new AccessTokenData("a@example.com", List.of("NSE"), List.of("D"), "UPSTOX",
            "AB1234", "Asha Rao", List.of("MARKET"), "individual", false, true, true, ACCESS, EXTENDED);

    private static void assertNoSecret(String text) {
        for (String s : List.of(OTP_TOKEN, CODE, ACCESS, EXTENDED)) {
            assertFalse(text.contains(s), () -> "secret leaked: " + text);
        }
    }

    @Test
    void toStringMasksEverySecret() {
        List<Object> all = List.of(OTP, OAUTH, TWO_FA, TOKEN, ApiResponse.ok(TOKEN), ApiResponse.ok(OAUTH));
        for (Object o : all) {
            assertNoSecret(o.toString());
        }
        assertTrue(OTP.toString().contains("validateOtpToken=****"), OTP.toString());
        assertTrue(OAUTH.toString().contains("redirectUri=https://app.example.com/cb?****"), OAUTH.toString());
        assertTrue(TOKEN.toString().contains("userId=AB1234"), "non-secret fields stay readable");
        assertTrue(new AccessTokenData(null, null, null, null, null, null, null, null, null, null, null, ACCESS, null)
                .toString().contains("extendedToken=null"));
    }

    @Test
    void toJsonLeavesSecretsOutUnlessAsked() {
        List<JsonExportable> all = List.of(OTP, OAUTH, TWO_FA, TOKEN);
        for (JsonExportable r : all) {
            assertNoSecret(JsonText.write(r.toJson(false)));
        }
        assertTrue(JsonText.write(OTP.toJson(true)).contains("\"validateOTPToken\":\"" + OTP_TOKEN + "\""));
        assertTrue(JsonText.write(OAUTH.toJson(true)).contains(CODE));
        assertTrue(JsonText.write(TWO_FA.toJson(true)).contains(CODE));
    }

    @Test
    void accessTokenDataUsesTheTokenEndpointsSnakeCaseNames() {
        assertEquals("{\"email\":\"a@example.com\",\"exchanges\":[\"NSE\"],\"products\":[\"D\"],\"broker\":\"UPSTOX\","
                + "\"user_id\":\"AB1234\",\"user_name\":\"Asha Rao\",\"order_types\":[\"MARKET\"],\"user_type\":\"individual\","
                + "\"poa\":false,\"ddpi\":true,\"is_active\":true,\"access_token\":\"" + ACCESS + "\",\"extended_token\":\""
                + EXTENDED + "\"}", JsonText.write(TOKEN.toJson(true)));
        String safe = JsonText.write(TOKEN.toJson(false));
        assertFalse(safe.contains("access_token"));
        assertFalse(safe.contains("extended_token"));
    }

    @Test
    void apiResponseHasTheSeedShape() {
        assertEquals("{\"success\":true,\"data\":{\"user_id\":\"AB1234\",\"user_type\":\"individual\",\"client_id\":null},"
                        + "\"error\":null}",
                JsonText.write(ApiResponse.ok(new UserIdAndUserType("AB1234", "individual", null)).toJson(false)));
        ApiResponse<AccessTokenData> failed = ApiResponse.failure(new ApiError("1017106", "wrong PIN", "check the PIN"));
        assertEquals("{\"success\":false,\"data\":null,\"error\":{\"code\":\"1017106\",\"message\":\"wrong PIN\","
                + "\"tip\":\"check the PIN\"}}", JsonText.write(failed.toJson(true)));
        assertThrows(IllegalArgumentException.class, () -> new ApiResponse<AccessTokenData>(true, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ApiResponse<AccessTokenData>(false, null, null));
    }

    @Test
    void otherRecordsUseTheLoginServicesNames() {
        assertEquals("{\"message\":\"OTP sent\",\"nextRequestInterval\":30,\"userType\":\"individual\",\"isTotpEnabled\":true}",
                JsonText.write(OTP.toJson(false)));
        assertEquals("{\"message\":null,\"userType\":null,\"userProfile\":{\"profileId\":7,\"userId\":\"AB1234\","
                        + "\"firstName\":null,\"lastName\":null,\"avatarUrl\":null},\"isSecretPinSet\":true}",
                JsonText.write(new OtpValidation(null, null, new UserProfile(7, "AB1234", null, null, null), true).toJson(false)));
        assertEquals("{\"userType\":\"individual\",\"customerStatus\":\"ACTIVE\",\"appStatus\":null,"
                        + "\"refreshTokenExpiry\":1768521600123,\"isPlusPlanFastWebsocketEnabled\":false,"
                        + "\"isNewRefreshTokenCreated\":true,\"isExternalClientOAuthApp\":true}",
                JsonText.write(TWO_FA.toJson(false)));
        assertEquals("{\"isApproved\":true}", JsonText.write(OAUTH.toJson(false)));
    }

    @Test
    void apiErrorComesFromTheException() {
        ApiError api = ApiError.of(new UpstoxApiException(LoginStep.PIN_2FA, 200, "1017106", "incorrect PIN", "check it"));
        assertEquals(new ApiError("1017106", "incorrect PIN", "check it"), api);
        ApiError protocol = ApiError.of(new ProtocolException(LoginStep.OAUTH_AUTHORIZE, "data.redirectUri", "no code"));
        assertNull(protocol.code());
        assertTrue(protocol.message().contains("no code"));
    }

    @Test
    void listsAreCopiedAndTokenConverts() {
        List<String> exchanges = new ArrayList<>(List.of("NSE"));
        AccessTokenData t = new AccessTokenData(null, exchanges, null, null, "AB1234", null, null, null, null, null, null,
                ACCESS, null);
        exchanges.add("BSE");
        assertEquals(List.of("NSE"), t.exchanges());
        assertEquals(List.of(), t.products());
        Instant issued = Instant.parse("2026-01-15T09:00:00Z");
        AccessToken token = t.toAccessToken(issued, issued.plusSeconds(3600));
        assertEquals(ACCESS, token.value());
        assertEquals("AB1234", token.userId());
        assertTrue(token.extendedToken().isEmpty());
        assertEquals(Instant.ofEpochMilli(1_768_521_600_123L), TWO_FA.refreshTokenExpiresAt().orElseThrow());
    }
}
