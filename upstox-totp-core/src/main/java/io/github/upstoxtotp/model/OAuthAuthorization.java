package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.util.Objects;

/**
 * Step 5's result: the approval, and the authorization code taken from its redirect URI.
 *
 * @param redirectUri {@code data.redirectUri}, the app's redirect URI with {@code ?code=…}; a secret
 * @param code the single-use authorization code; a secret
 * @param isApproved or null when not said
 */
public record OAuthAuthorization(String redirectUri, String code, Boolean isApproved) implements JsonExportable {

    public OAuthAuthorization {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(code, "code");
    }

    /** {@code {"redirectUri","isApproved"}}, the wire's fields; the code is inside {@code redirectUri}. */
    @Override
    public JsonValue toJson(boolean includeSecrets) {
        JsonObject.Builder b = JsonObject.builder();
        if (includeSecrets) {
            b.put("redirectUri", WireJson.str(redirectUri));
        }
        return b.put("isApproved", WireJson.bool(isApproved)).build();
    }

    @Override
    public String toString() {
        return "OAuthAuthorization[redirectUri=" + WireJson.maskQuery(redirectUri) + ", code=" + WireJson.mask(code)
                + ", isApproved=" + isApproved + "]";
    }
}
