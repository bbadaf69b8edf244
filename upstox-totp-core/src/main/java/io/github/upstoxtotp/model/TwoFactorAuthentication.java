package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.time.Instant;
import java.util.Optional;

/**
 * Step 4's result ({@code data} of the PIN answer).
 *
 * @param redirectUri where the browser would go next, or null; treated as a secret because
 *        its query may carry a code
 * @param userType or null
 * @param customerStatus or null
 * @param appStatus or null
 * @param refreshTokenExpiry epoch milliseconds, or null
 * @param isPlusPlanFastWebsocketEnabled or null
 * @param isNewRefreshTokenCreated or null
 * @param isExternalClientOAuthApp or null
 */
public record TwoFactorAuthentication(String redirectUri, String userType, String customerStatus, String appStatus,
                                      Long refreshTokenExpiry, Boolean isPlusPlanFastWebsocketEnabled,
                                      Boolean isNewRefreshTokenCreated, Boolean isExternalClientOAuthApp)
        implements JsonExportable {

    /** {@link #refreshTokenExpiry()} as an instant. */
    public Optional<Instant> refreshTokenExpiresAt() {
        return Optional.ofNullable(refreshTokenExpiry).map(Instant::ofEpochMilli);
    }

    @Override
    public JsonValue toJson(boolean includeSecrets) {
        JsonObject.Builder b = JsonObject.builder();
        if (includeSecrets) {
            b.put("redirectUri", WireJson.str(redirectUri));
        }
        return b.put("userType", WireJson.str(userType))
                .put("customerStatus", WireJson.str(customerStatus))
                .put("appStatus", WireJson.str(appStatus))
                .put("refreshTokenExpiry", WireJson.num(refreshTokenExpiry))
                .put("isPlusPlanFastWebsocketEnabled", WireJson.bool(isPlusPlanFastWebsocketEnabled))
                .put("isNewRefreshTokenCreated", WireJson.bool(isNewRefreshTokenCreated))
                .put("isExternalClientOAuthApp", WireJson.bool(isExternalClientOAuthApp))
                .build();
    }

    @Override
    public String toString() {
        return "TwoFactorAuthentication[redirectUri=" + WireJson.maskQuery(redirectUri) + ", userType=" + userType
                + ", customerStatus=" + customerStatus + ", appStatus=" + appStatus
                + ", refreshTokenExpiry=" + refreshTokenExpiry
                + ", isPlusPlanFastWebsocketEnabled=" + isPlusPlanFastWebsocketEnabled
                + ", isNewRefreshTokenCreated=" + isNewRefreshTokenCreated
                + ", isExternalClientOAuthApp=" + isExternalClientOAuthApp + "]";
    }
}
