package io.github.upstoxtotp.model;

import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

/**
 * The error part of an {@link ApiResponse}, as the Python SDK reports it.
 *
 * @param code the server's error code as sent (e.g. {@code 1017106}), or null
 * @param message what went wrong; never holds a secret
 * @param tip what the user can do about it, or null when the code is unknown
 */
public record ApiError(String code, String message, String tip) implements JsonExportable {

    /** The error an exception describes: code, server message and tip for API errors, the message otherwise. */
    public static ApiError of(UpstoxTotpException e) {
        if (e instanceof UpstoxApiException api) {
            return new ApiError(api.code().orElse(null), api.serverMessage().orElse(api.getMessage()), api.tip().orElse(null));
        }
        return new ApiError(null, e.getMessage(), null);
    }

    @Override
    public JsonValue toJson(boolean includeSecrets) {
        return JsonObject.builder()
                .put("code", WireJson.str(code))
                .put("message", WireJson.str(message))
                .put("tip", WireJson.str(tip))
                .build();
    }
}
