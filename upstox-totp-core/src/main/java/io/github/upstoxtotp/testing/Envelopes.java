package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonValue;

import java.util.List;

/**
 * The response shapes of PROTOCOL.md: the login service's {@code success/data/error}
 * envelope, the API's {@code status/errors} envelope, bare JSON objects and redirects.
 * Bodies are written through the simulator's {@link JsonPort}, so a codec bug shows up in the
 * simulator's own tests.
 */
final class Envelopes {
    /** Generic login-service error: bad headers, cookie, session, body shape, user id. */
    static final String LOGIN_GENERIC = "1017016";
    static final String OTP_BLOCKED = "1017069";
    /** Wrong TOTP: the real service's code varies; the message's "attempts left" is what clients key on. */
    static final String WRONG_OTP = "1017034";
    static final String WRONG_PIN = "1017106";
    static final String ACCOUNT_LOCKED = "1017107";
    static final String NOT_SUPPORTED = "UDAPI10000";
    static final String INVALID_CREDENTIALS = "UDAPI100016";
    static final String INVALID_INPUT = "UDAPI100036";
    static final String CLIENT_MISMATCH = "UDAPI100068";
    static final String SOMETHING_WRONG = "UDAPI100500";

    private static final String JSON = "application/json";

    private final JsonPort json;
    private final boolean errorsAsHttp200;

    Envelopes(JsonPort json, boolean errorsAsHttp200) {
        this.json = json;
        this.errorsAsHttp200 = errorsAsHttp200;
    }

    /** {@code {"success":true,"data":{...},"error":null}}, HTTP 200. */
    SimReply loginOk(JsonObject data) {
        JsonObject body = JsonObject.builder()
                .put("success", true)
                .put("data", data)
                .put("error", JsonNull.INSTANCE)
                .build();
        return new SimReply(json(200, body), null);
    }

    /** {@code {"success":false,"data":null,"error":{"code","message"}}}. */
    SimReply loginError(int status, String code, String message) {
        JsonObject body = JsonObject.builder()
                .put("success", false)
                .put("data", JsonNull.INSTANCE)
                .put("error", JsonObject.builder().put("code", code).put("message", message).build())
                .build();
        return new SimReply(json(errorStatus(status), body), code);
    }

    /** A login-service error ready to throw from a handler. */
    Rejection loginReject(int status, String code, String message) {
        return new Rejection(loginError(status, code, message));
    }

    /**
     * {@code {"status":"error","errors":[{...}]}} with both the camel-case and the snake-case
     * member names, as the real API writes them. The invalid value is never echoed: it could
     * be a secret.
     */
    SimReply apiError(int status, String code, String message, String propertyPath) {
        JsonValue path = propertyPath == null ? JsonNull.INSTANCE : JsonValue.of(propertyPath);
        JsonObject error = JsonObject.builder()
                .put("errorCode", code)
                .put("message", message)
                .put("propertyPath", path)
                .put("invalidValue", JsonNull.INSTANCE)
                .put("error_code", code)
                .put("property_path", path)
                .put("invalid_value", JsonNull.INSTANCE)
                .build();
        JsonObject body = JsonObject.builder()
                .put("status", "error")
                .put("errors", JsonArray.of(error))
                .build();
        return new SimReply(json(errorStatus(status), body), code);
    }

    /** An API error ready to throw from a handler. */
    Rejection apiReject(int status, String code, String message, String propertyPath) {
        return new Rejection(apiError(status, code, message, propertyPath));
    }

    /** A bare JSON object (the token endpoint's success), HTTP 200. */
    SimReply bare(JsonObject body) {
        return new SimReply(json(200, body), null);
    }

    /** A 302 to {@code location}, with one {@code Set-Cookie} field per cookie. */
    SimReply redirect(String location, List<String> setCookies) {
        HttpHeaders.Builder h = HttpHeaders.builder().add("Location", location).add("Content-Length", "0");
        for (String c : setCookies) {
            h.add("Set-Cookie", c);
        }
        return new SimReply(new HttpResponse(302, h.build(), new byte[0]), null);
    }

    private HttpResponse json(int status, JsonObject body) {
        HttpHeaders h = HttpHeaders.of("Content-Type", JSON, "Cache-Control", "no-store");
        return new HttpResponse(status, h, json.writeBytes(body));
    }

    /** 400/401/403/429 become 200 when the simulator is asked to hide errors behind 200 (both envelopes allow it). */
    private int errorStatus(int status) {
        boolean envelopeOnly = status == 400 || status == 401 || status == 403 || status == 429;
        return errorsAsHttp200 && envelopeOnly ? 200 : status;
    }
}
