package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token file's format, through a {@link JsonPort}:
 * <pre>{"version":1,"tokens":{"&lt;store key&gt;":{"access_token":"…","extended_token":"…","user_id":"…",
 *   "issued_at":&lt;epoch ms&gt;,"expires_at":&lt;epoch ms&gt;}}}</pre>
 * {@code extended_token} is left out when there is none. Tokens only, never credentials.
 */
final class TokenFileCodec {
    static final int VERSION = 1;

    /** What was read: the entries that made sense, and how many did not. */
    record Contents(Map<String, AccessToken> tokens, int skipped) {
    }

    /** Thrown when the file as a whole is not a token file; never quotes the content. */
    static final class NotATokenFile extends Exception {
        private static final long serialVersionUID = 1L;

        NotATokenFile(String why) {
            super(why);
        }
    }

    private final JsonPort json;

    TokenFileCodec(JsonPort json) {
        this.json = json;
    }

    byte[] write(Map<String, AccessToken> tokens) {
        JsonObject.Builder entries = JsonObject.builder();
        tokens.forEach((key, token) -> {
            JsonObject.Builder entry = JsonObject.builder().put("access_token", token.value());
            token.extendedToken().ifPresent(extended -> entry.put("extended_token", extended));
            entry.put("user_id", token.userId())
                    .put("issued_at", token.issuedAt().toEpochMilli())
                    .put("expires_at", token.expiresAt().toEpochMilli());
            entries.put(key, entry.build());
        });
        return json.writeBytes(JsonObject.builder().put("version", VERSION).put("tokens", entries.build()).build());
    }

    Contents read(byte[] bytes) throws NotATokenFile {
        JsonValue root;
        try {
            root = json.parse(bytes);
        } catch (RuntimeException e) {
            throw new NotATokenFile("not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (!(root instanceof JsonObject)) {
            throw new NotATokenFile("not a JSON object");
        }
        JsonObject top = (JsonObject) root;
        Optional<Long> version = integer(top, "version");
        if (version.isEmpty() || version.get() != VERSION) {
            throw new NotATokenFile("no or unsupported \"version\" (this library writes " + VERSION + ")");
        }
        Optional<JsonValue> tokens = top.get("tokens");
        if (tokens.isEmpty() || !(tokens.get() instanceof JsonObject)) {
            throw new NotATokenFile("no \"tokens\" object");
        }
        Map<String, AccessToken> out = new LinkedHashMap<>();
        int skipped = 0;
        for (Map.Entry<String, JsonValue> e : ((JsonObject) tokens.get()).members().entrySet()) {
            Optional<AccessToken> token = e.getValue() instanceof JsonObject ? token((JsonObject) e.getValue()) : Optional.empty();
            if (token.isPresent()) {
                out.put(e.getKey(), token.get());
            } else {
                skipped++;
            }
        }
        return new Contents(out, skipped);
    }

    private static Optional<AccessToken> token(JsonObject o) {
        Optional<String> value = string(o, "access_token").filter(v -> !v.isBlank());
        Optional<Long> issued = integer(o, "issued_at");
        Optional<Long> expires = integer(o, "expires_at");
        Optional<JsonValue> extended = o.get("extended_token");
        if (value.isEmpty() || issued.isEmpty() || expires.isEmpty()
                || extended.isPresent() && !(extended.get() instanceof JsonString || extended.get() instanceof JsonNull)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AccessToken(value.get(), string(o, "extended_token").orElse(null),
                    string(o, "user_id").orElse(""), Instant.ofEpochMilli(issued.get()), Instant.ofEpochMilli(expires.get())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(JsonObject o, String name) {
        return o.get(name).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value());
    }

    private static Optional<Long> integer(JsonObject o, String name) {
        Optional<JsonValue> v = o.get(name);
        if (v.isEmpty() || !(v.get() instanceof JsonNumber)) {
            return Optional.empty();
        }
        try {
            return Optional.of(((JsonNumber) v.get()).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
