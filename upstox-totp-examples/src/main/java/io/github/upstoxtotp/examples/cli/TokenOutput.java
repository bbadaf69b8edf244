package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How {@code generate-token} prints its result on stdout: the Python SDK's fields as aligned
 * lines, the bare token ({@code --quiet}), or the {@code success/data/error} envelope
 * ({@code --json}) written through the chosen {@link JsonPort}.
 */
final class TokenOutput {
    /** Upstox tokens expire by the Indian clock (03:30 IST), so validity is shown in it. */
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter VALID_UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'IST'");

    /** Labels and token-endpoint field names, in the order the Python SDK's CLI prints them. */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"Access token", "access_token"},
            new String[] {"User ID", "user_id"},
            new String[] {"User name", "user_name"},
            new String[] {"User type", "user_type"},
            new String[] {"Broker", "broker"},
            new String[] {"Email", "email"},
            new String[] {"Products", "products"},
            new String[] {"Exchanges", "exchanges"},
            new String[] {"Active", "is_active"},
            new String[] {"Extended token", "extended_token"});

    private TokenOutput() {
    }

    /**
     * The token endpoint's fields for this result: all of them after a login; after reusing a
     * stored token only what the store keeps ({@code user_id}, {@code access_token},
     * {@code extended_token}).
     */
    static JsonObject data(AccessToken token, Optional<AccessTokenData> fresh) {
        if (fresh.isPresent() && fresh.get().accessToken().equals(token.value())) {
            JsonValue tree = fresh.get().toJson(true);
            if (tree instanceof JsonObject) {
                return (JsonObject) tree;
            }
        }
        return JsonObject.builder()
                .put("user_id", token.userId().isEmpty() ? null : token.userId())
                .put("access_token", token.value())
                .put("extended_token", token.extendedToken().orElse(null))
                .build();
    }

    /** The human form: one aligned line per field that has a value, then the validity. */
    static void human(PrintWriter out, AccessToken token, JsonObject data) {
        for (String[] f : FIELDS) {
            text(data.get(f[1]).orElse(JsonNull.INSTANCE)).ifPresent(v -> out.printf("%-16s%s%n", f[0] + ":", v));
        }
        out.printf("%-16s%s%n", "Valid until:", validUntil(token));
        out.flush();
    }

    /** When the token expires, on the Indian clock, e.g. {@code 2025-01-02 03:30:00 IST}. */
    static String validUntil(AccessToken token) {
        return VALID_UNTIL.format(token.expiresAt().atZone(IST));
    }

    /** {@code {"success":true,"data":{...},"error":null}} on one line. */
    static void jsonSuccess(PrintWriter out, JsonPort json, JsonObject data) {
        JsonObject envelope = JsonObject.builder()
                .put("success", true)
                .put("data", data)
                .put("error", JsonNull.INSTANCE)
                .build();
        out.println(json.write(envelope));
        out.flush();
    }

    /** {@code {"success":false,"data":null,"error":{"code":...,"message":...,"tip":...}}} on one line. */
    static void jsonFailure(PrintWriter out, JsonPort json, Failures failure) {
        JsonObject error = JsonObject.builder()
                .put("code", failure.code())
                .put("message", failure.message())
                .put("tip", failure.tip())
                .build();
        JsonObject envelope = JsonObject.builder()
                .put("success", false)
                .put("data", JsonNull.INSTANCE)
                .put("error", error)
                .build();
        out.println(json.write(envelope));
        out.flush();
    }

    /** A field's value as text, or empty for null / missing / an empty list. */
    private static Optional<String> text(JsonValue v) {
        if (v instanceof JsonString) {
            String s = ((JsonString) v).value();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        if (v instanceof JsonBoolean) {
            return Optional.of(Boolean.toString(((JsonBoolean) v).value()));
        }
        if (v instanceof JsonNumber) {
            return Optional.of(((JsonNumber) v).value().toPlainString());
        }
        if (v instanceof JsonArray) {
            List<JsonValue> elements = ((JsonArray) v).elements();
            if (elements.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(elements.stream().map(e -> text(e).orElse("-")).collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }
}
