package io.github.upstoxtotp.port;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object; member order is kept, the map is unmodifiable. Names are unique: parsers
 * reject duplicate names (see {@link JsonPort}).
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
        Map<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 2);
        for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "member name"), Objects.requireNonNull(e.getValue(), "member value"));
        }
        members = Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The member's value, if present (a JSON {@code null} is present). */
    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public int size() {
        return members.size();
    }

    @Override
    public String typeName() {
        return "object";
    }

    @Override
    public String toString() {
        return JsonText.redacted(this);
    }

    /** Collects members in order; a repeated name replaces the earlier value. Not thread-safe. */
    public static final class Builder {
        private final Map<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, JsonValue value) {
            members.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, value == null ? JsonNull.INSTANCE : new JsonString(value));
        }

        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        public Builder put(String name, BigDecimal value) {
            return put(name, new JsonNumber(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
