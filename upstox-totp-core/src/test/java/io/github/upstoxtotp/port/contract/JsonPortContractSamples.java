package io.github.upstoxtotp.port.contract;

import java.util.List;

/** Texts the {@link JsonPortContract} round-trips: realistic Upstox answers (PROTOCOL.md) and edge cases. */
final class JsonPortContractSamples {
    private JsonPortContractSamples() {
    }

    /** A JWT-shaped value that must never show up in an error message. */
    static final String SECRET = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTM0NSRVQiLCJleHAiOjE3MzU2ODk2MDB9.c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ";

    static List<String> corpus() {
        return List.of(
                // 2. OTP generate
                "{\"success\":true,\"data\":{\"message\":\"OTP sent to mobile number ******1234\","
                        + "\"validateOTPToken\":\"5c9a1f0e-8d2b-4b7a-9f3e-1a2b3c4d5e6f\",\"nextRequestInterval\":30,"
                        + "\"userType\":\"individual\",\"isTotpEnabled\":true},\"error\":null}",
                // 3. TOTP verify (v4)
                "{\"success\":true,\"data\":{\"message\":\"OTP verified successfully\",\"userType\":\"individual\","
                        + "\"userProfile\":{\"profileId\":1234567,\"userId\":\"ABC123\",\"firstName\":\"Ravi\","
                        + "\"lastName\":\"Kumar\",\"avatarUrl\":null},\"isSecretPinSet\":true},\"error\":null}",
                // 3. TOTP verify (v5, accounts[])
                "{\"success\":true,\"data\":{\"message\":\"OTP verified\",\"accounts\":[{\"profileId\":1234567,"
                        + "\"userId\":\"ABC123\"},{\"profileId\":7654321,\"userId\":\"XYZ789\"}],\"isSecretPinSet\":true},\"error\":null}",
                // 4. PIN 2FA, with a 13-digit epoch-millis expiry
                "{\"success\":true,\"data\":{\"redirectUri\":\"https://api-v2.upstox.com/login/authorization/redirect?client_id=abc\","
                        + "\"userType\":\"individual\",\"customerStatus\":\"ACTIVE\",\"appStatus\":null,"
                        + "\"refreshTokenExpiry\":1735689600123,\"isPlusPlanFastWebsocketEnabled\":false,"
                        + "\"isNewRefreshTokenCreated\":true,\"isExternalClientOAuthApp\":false},\"error\":null}",
                // 5. OAuth authorize
                "{\"success\":true,\"data\":{\"redirectUri\":\"https://example.com/callback?code=AbC123\\u0026state=x\","
                        + "\"isApproved\":true},\"error\":null}",
                // 6. token exchange: a bare object
                "{\"email\":\"user@example.com\",\"exchanges\":[\"NSE\",\"NFO\",\"BSE\",\"CDS\",\"BFO\",\"BCD\",\"MCX\"],"
                        + "\"products\":[\"D\",\"I\",\"CO\",\"MTF\"],\"broker\":\"UPSTOX\",\"user_id\":\"ABC123\","
                        + "\"user_name\":\"Ravi Kumar\",\"order_types\":[\"MARKET\",\"LIMIT\",\"SL\",\"SL-M\"],"
                        + "\"user_type\":\"individual\",\"poa\":false,\"ddpi\":true,\"is_active\":true,"
                        + "\"access_token\":\"" + SECRET + "\",\"extended_token\":null}",
                // errors: login-service and API envelopes
                "{\"success\":false,\"data\":null,\"error\":{\"code\":\"1017106\",\"message\":\"You have entered an incorrect PIN\"}}",
                "{\"success\":false,\"data\":null,\"error\":{\"code\":\"1017016\",\"message\":\"Invalid OTP. 4 attempts left\"}}",
                "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"UDAPI100068\",\"message\":\"Check your 'client_id' and "
                        + "'redirect_uri'; one or both are incorrect.\",\"propertyPath\":null,\"invalidValue\":null,"
                        + "\"error_code\":\"UDAPI100068\",\"property_path\":null,\"invalid_value\":null}]}",
                // pretty-printed, as some proxies re-serialise
                "{\n  \"success\" : true,\n  \"data\" : {\n    \"isApproved\" : true,\n    \"list\" : [ 1, 2.50, -3e-2 ]\n  }\n}\n",
                // edge cases
                "[]", "{}", "[[],{},[{}],{\"a\":[]}]", "\"\"", "0", "-0.0", "true", "null",
                "[9223372036854775807,-9223372036854775808,123456789012345678901234567890,1.5E+300,1e-7,0.1]",
                "{\"\":\"empty name\",\"a b\":\"space\",\"\\u00e9\":\"\\ud83d\\ude00\",\"tab\":\"\\t\",\"q\":\"\\\"\\\\\\/\"}",
                "[\"h\u00e9llo \u65e5\u672c \ud83d\ude00\",\"\\u2028\\u2029\",\"\\u0000\\u001f\\u007f\"]");
    }
}
