package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One incoming request as the handlers see it: query, cookies, form and JSON body, each parsed
 * on demand. Whatever cannot be parsed becomes a {@link Rejection} with the envelope of the
 * host it was sent to, never another exception.
 */
final class SimExchange {
    private final HttpRequest request;
    private final Instant now;
    private final JsonPort json;
    private final Rejection badInput;
    private Map<String, String> query;

    /**
     * @param badInput what to answer when the request cannot be parsed (differs between
     *        the API host and the login service)
     */
    SimExchange(HttpRequest request, Instant now, JsonPort json, Rejection badInput) {
        this.request = request;
        this.now = now;
        this.json = json;
        this.badInput = badInput;
    }

    Instant now() {
        return now;
    }

    HttpRequest request() {
        return request;
    }

    Optional<String> header(String name) {
        return request.headers().first(name);
    }

    /** A query parameter, decoded; the first one when repeated; null when absent. */
    String query(String name) {
        if (query == null) {
            query = parsePairs(request.uri().getRawQuery());
        }
        return query.get(name);
    }

    /** A cookie's value from every {@code Cookie} header, or null. Lenient: junk pairs are skipped. */
    String cookie(String name) {
        for (String header : request.headers().all("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    String v = pair.substring(eq + 1).trim();
                    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
                }
            }
        }
        return null;
    }

    /** True when {@code content-type} names this media type (parameters such as charset ignored). */
    boolean contentTypeIs(String mediaType) {
        return header("Content-Type")
                .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(mediaType))
                .orElse(false);
    }

    /** The body as a form ({@code application/x-www-form-urlencoded}). */
    Map<String, String> form() {
        return parsePairs(utf8Body());
    }

    /**
     * The {@code data} object of a login-service body {@code {"data":{...}}}.
     *
     * @throws Rejection if the body is not JSON, or has no {@code data} object
     */
    JsonObject data() {
        JsonValue root;
        try {
            root = json.parse(request.body());
        } catch (RuntimeException e) {
            // JsonException for malformed input; anything else from a faulty codec is bad input too
            throw badInput;
        }
        if (root instanceof JsonObject o) {
            Optional<JsonValue> data = o.get("data");
            if (data.isPresent() && data.get() instanceof JsonObject d) {
                return d;
            }
        }
        throw badInput;
    }

    /** A string member, or null when absent or not a string (wrong types count as missing). */
    static String string(JsonObject o, String name) {
        return o.get(name).filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).value()).orElse(null);
    }

    private String utf8Body() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(request.body()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw badInput;
        }
    }

    private Map<String, String> parsePairs(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw badInput; // a broken %-escape
            }
        }
        return out;
    }
}
