package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

/**
 * Step 3's result ({@code data} of the TOTP-verify answer).
 *
 * @param message or null
 * @param userType or null
 * @param profile {@code userProfile}, or null when absent
 * @param isSecretPinSet or null when not said
 */
public record OtpValidation(String message, String userType, UserProfile profile, Boolean isSecretPinSet)
        implements JsonExportable {

    @Override
    public JsonValue toJson(boolean includeSecrets) {
        return JsonObject.builder()
                .put("message", WireJson.str(message))
                .put("userType", WireJson.str(userType))
                .put("userProfile", WireJson.json(profile, includeSecrets))
                .put("isSecretPinSet", WireJson.bool(isSecretPinSet))
                .build();
    }
}
