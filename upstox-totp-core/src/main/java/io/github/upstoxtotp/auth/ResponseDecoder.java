package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a response into a JSON tree, or into the exception it stands for.
 *
 * <p>The rules, whatever the HTTP status (200 included), in this order:
 * <ol>
 *   <li>an error envelope — login service {@code success:false} with {@code error{code,message}},
 *       API {@code status:"error"} with {@code errors[{errorCode|error_code,message}]}, or
 *       {@code data.status:"error"} — is an {@link UpstoxApiException} with the server's code,
 *       its message (secrets masked, {@code invalidValue} never used) and the code's tip;</li>
 *   <li>an HTTP status of 400 or more without an envelope, JSON or not, is an
 *       {@link UpstoxApiException} with no code and a message naming the status;</li>
 *   <li>a lower status whose body is not JSON (an HTML page, nothing) is a
 *       {@link ProtocolException} naming the step and {@code body}.</li>
 * </ol>
 * Anything else is the tree, for the step to bind.
 */
final class ResponseDecoder {
    private final JsonPort json;
    private final Redactor redactor;

    ResponseDecoder(JsonPort json, Redactor redactor) {
        this.json = Objects.requireNonNull(json, "json");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    JsonValue decode(LoginStep step, HttpResponse response) {
        int status = response.status();
        JsonValue body = null;
        JsonException parseError = null;
        if (response.bodyLength() > 0) {
            try {
                body = json.parse(response.body());
            } catch (JsonException e) {
                parseError = e;
            }
        }
        if (body != null) {
            checkEnvelope(step, status, body);
        }
        if (status >= 400) {
            String what = body != null ? "without an error envelope"
                    : response.bodyLength() == 0 ? "with an empty body" : "with a non-JSON body (" + contentType(response) + ")";
            throw new UpstoxApiException(step, status, null, "HTTP " + status + " " + what,
                    UpstoxErrorCode.tipFor(null, null, status));
        }
        if (body == null) {
            String what = response.bodyLength() == 0 ? "an empty body"
                    : "a body that is not JSON (" + contentType(response) + ", " + response.bodyLength() + " bytes)";
            throw new ProtocolException(step, "body", "expected a JSON body, got HTTP " + status + " with " + what, parseError);
        }
        return body;
    }

    /** Throws the {@link UpstoxApiException} an error envelope stands for; returns if there is none. */
    void checkEnvelope(LoginStep step, int status, JsonValue body) {
        if (!(body instanceof JsonObject root)) {
            return;
        }
        if (root.members().get("success") instanceof JsonBoolean b && !b.value()) {
            JsonValue error = root.members().get("error");
            if (error instanceof JsonObject e) {
                throw failure(step, status, text(e, "code", "errorCode", "error_code"), text(e, "message"));
            }
            throw failure(step, status, null, null);
        }
        if (isError(root.members().get("status"))) {
            throw fromErrors(step, status, root);
        }
        if (root.members().get("data") instanceof JsonObject data && isError(data.members().get("status"))) {
            if (data.members().get("errors") instanceof JsonArray) {
                throw fromErrors(step, status, data);
            }
            throw failure(step, status, text(data, "code", "errorCode", "error_code"), text(data, "message"));
        }
    }

    private static boolean isError(JsonValue v) {
        return v instanceof JsonString s && s.value().equalsIgnoreCase("error");
    }

    private UpstoxApiException fromErrors(LoginStep step, int status, JsonObject holder) {
        String code = null;
        List<String> messages = new ArrayList<>();
        if (holder.members().get("errors") instanceof JsonArray errors) {
            for (JsonValue v : errors.elements()) {
                if (v instanceof JsonObject e) {
                    if (code == null) {
                        code = text(e, "errorCode", "error_code", "code");
                    }
                    String m = text(e, "message");
                    if (m != null && !messages.contains(m)) {
                        messages.add(m); // propertyPath/invalidValue deliberately unused: invalidValue echoes input
                    }
                }
            }
        }
        return failure(step, status, code, messages.isEmpty() ? null : String.join("; ", messages));
    }

    private UpstoxApiException failure(LoginStep step, int status, String code, String message) {
        String safe = redactor.redact(message);
        return new UpstoxApiException(step, status, code, safe, UpstoxErrorCode.tipFor(code, safe, status));
    }

    private static String text(JsonObject o, String... names) {
        for (String n : names) {
            JsonValue v = o.members().get(n);
            if (v instanceof JsonString s && !s.value().isBlank()) {
                return s.value();
            }
            if (v instanceof JsonNumber num) {
                return num.toString();
            }
        }
        return null;
    }

    private static String contentType(HttpResponse response) {
        return response.header("content-type").map(ResponseDecoder::mediaType).orElse("no content-type");
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    }
}
