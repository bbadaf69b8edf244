package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.util.Objects;

/**
 * What each login step returns, shaped like the Python SDK's responses: {@code success},
 * {@code data}, {@code error}. Failures are thrown as exceptions by the login flow, so the
 * responses it returns are successful; {@link #failure(ApiError)} exists for callers that
 * report errors in the same shape (the CLI's {@code --json}).
 *
 * @param success true when {@code data} holds the step's result
 * @param data the result, or null on failure
 * @param error the error, or null on success
 * @param <T> the step's result record
 */
public record ApiResponse<T extends JsonExportable>(boolean success, T data, ApiError error) implements JsonExportable {

    public ApiResponse {
        if (success && data == null) {
            throw new IllegalArgumentException("a successful response needs data");
        }
        if (!success && error == null) {
            throw new IllegalArgumentException("a failed response needs an error");
        }
    }

    /** A successful response carrying {@code data}. */
    public static <T extends JsonExportable> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, Objects.requireNonNull(data, "data"), null);
    }

    /** A failed response carrying {@code error}. */
    public static <T extends JsonExportable> ApiResponse<T> failure(ApiError error) {
        return new ApiResponse<>(false, null, Objects.requireNonNull(error, "error"));
    }

    /** {@code {"success":…,"data":…,"error":…}}; secrets in {@code data} only when asked for. */
    @Override
    public JsonValue toJson(boolean includeSecrets) {
        return JsonObject.builder()
                .put("success", success)
                .put("data", data == null ? JsonNull.INSTANCE : data.toJson(includeSecrets))
                .put("error", error == null ? JsonNull.INSTANCE : error.toJson(includeSecrets))
                .build();
    }
}
