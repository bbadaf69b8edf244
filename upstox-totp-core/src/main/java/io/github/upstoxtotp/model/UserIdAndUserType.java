package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.util.Objects;

/**
 * Step 1's result: the query parameters of the redirect that carried {@code user_id}.
 *
 * @param userId the Upstox user id (never null)
 * @param userType e.g. {@code individual}, or null when absent
 * @param clientId the client id echoed by Upstox, or null when absent
 */
public record UserIdAndUserType(String userId, String userType, String clientId) implements JsonExportable {

    public UserIdAndUserType {
        Objects.requireNonNull(userId, "userId");
    }

    /** {@code {"user_id","user_type","client_id"}}, the redirect's own parameter names. */
    @Override
    public JsonValue toJson(boolean includeSecrets) {
        return JsonObject.builder()
                .put("user_id", WireJson.str(userId))
                .put("user_type", WireJson.str(userType))
                .put("client_id", WireJson.str(clientId))
                .build();
    }
}
