package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

/**
 * The profile step 3 answers with ({@code data.userProfile}).
 *
 * @param profileId numeric profile id
 * @param userId or null
 * @param firstName or null
 * @param lastName or null
 * @param avatarUrl or null
 */
public record UserProfile(int profileId, String userId, String firstName, String lastName, String avatarUrl)
        implements JsonExportable {

    @Override
    public JsonValue toJson(boolean includeSecrets) {
        return JsonObject.builder()
                .put("profileId", profileId)
                .put("userId", WireJson.str(userId))
                .put("firstName", WireJson.str(firstName))
                .put("lastName", WireJson.str(lastName))
                .put("avatarUrl", WireJson.str(avatarUrl))
                .build();
    }
}
