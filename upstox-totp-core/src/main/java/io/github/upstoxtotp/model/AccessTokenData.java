package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Step 6's result: the token endpoint's answer, field for field.
 *
 * @param email or null
 * @param exchanges never null
 * @param products never null
 * @param broker or null
 * @param userId or null
 * @param userName or null
 * @param orderTypes never null
 * @param userType or null
 * @param poa or null
 * @param ddpi or null
 * @param isActive or null
 * @param accessToken the bearer token; a secret
 * @param extendedToken the long-lived read-only token, or null; a secret
 */
public record AccessTokenData(String email, List<String> exchanges, List<String> products, String broker,
                              String userId, String userName, List<String> orderTypes, String userType,
                              Boolean poa, Boolean ddpi, Boolean isActive, String accessToken, String extendedToken)
        implements JsonExportable {

    public AccessTokenData {
        exchanges = WireJson.copy(exchanges);
        products = WireJson.copy(products);
        orderTypes = WireJson.copy(orderTypes);
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** The token with the validity the caller computed (JWT {@code exp} or the 03:30 IST rule). */
    public AccessToken toAccessToken(Instant issuedAt, Instant expiresAt) {
        return new AccessToken(accessToken, extendedToken, userId, issuedAt, expiresAt);
    }

    /** The token endpoint's snake_case fields; the two tokens only when {@code includeSecrets}. */
    @Override
    public JsonValue toJson(boolean includeSecrets) {
        JsonObject.Builder b = JsonObject.builder()
                .put("email", WireJson.str(email))
                .put("exchanges", WireJson.strings(exchanges))
                .put("products", WireJson.strings(products))
                .put("broker", WireJson.str(broker))
                .put("user_id", WireJson.str(userId))
                .put("user_name", WireJson.str(userName))
                .put("order_types", WireJson.strings(orderTypes))
                .put("user_type", WireJson.str(userType))
                .put("poa", WireJson.bool(poa))
                .put("ddpi", WireJson.bool(ddpi))
                .put("is_active", WireJson.bool(isActive));
        if (includeSecrets) {
            b.put("access_token", WireJson.str(accessToken));
            b.put("extended_token", WireJson.str(extendedToken));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "AccessTokenData[email=" + email + ", exchanges=" + exchanges + ", products=" + products
                + ", broker=" + broker + ", userId=" + userId + ", userName=" + userName
                + ", orderTypes=" + orderTypes + ", userType=" + userType + ", poa=" + poa + ", ddpi=" + ddpi
                + ", isActive=" + isActive + ", accessToken=" + WireJson.mask(accessToken)
                + ", extendedToken=" + WireJson.mask(extendedToken) + "]";
    }
}
