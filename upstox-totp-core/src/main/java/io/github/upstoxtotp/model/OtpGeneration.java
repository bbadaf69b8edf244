package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.util.Objects;

/**
 * Step 2's result ({@code data} of the OTP-generate answer).
 *
 * @param message the server's message, or null
 * @param validateOtpToken the token step 3 sends back ({@code validateOTPToken}); a secret
 * @param nextRequestInterval seconds before another OTP may be requested, or null
 * @param userType or null
 * @param isTotpEnabled whether the account has TOTP enabled, or null when not said
 */
public record OtpGeneration(String message, String validateOtpToken, Integer nextRequestInterval, String userType,
                            Boolean isTotpEnabled) implements JsonExportable {

    public OtpGeneration {
        Objects.requireNonNull(validateOtpToken, "validateOtpToken");
    }

    @Override
    public JsonValue toJson(boolean includeSecrets) {
        JsonObject.Builder b = JsonObject.builder().put("message", WireJson.str(message));
        if (includeSecrets) {
            b.put("validateOTPToken", WireJson.str(validateOtpToken));
        }
        return b.put("nextRequestInterval", WireJson.num(nextRequestInterval))
                .put("userType", WireJson.str(userType))
                .put("isTotpEnabled", WireJson.bool(isTotpEnabled))
                .build();
    }

    @Override
    public String toString() {
        return "OtpGeneration[message=" + message + ", validateOtpToken=" + WireJson.mask(validateOtpToken)
                + ", nextRequestInterval=" + nextRequestInterval + ", userType=" + userType
                + ", isTotpEnabled=" + isTotpEnabled + "]";
    }
}
