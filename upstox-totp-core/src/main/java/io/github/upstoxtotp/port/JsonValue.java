package io.github.upstoxtotp.port;

import java.math.BigDecimal;

/**
 * The core's own immutable JSON tree: what a {@link JsonPort} parses text into and writes
 * back. A closed set of records, so a visitor over {@code instanceof} checks is
 * exhaustive. Every type's {@code toString} is redacted JSON ({@link JsonText#redacted}); use a {@link JsonPort} or
 * {@link JsonText#write} for the real text.
 *
 * <p>Numbers keep their exact decimal value ({@link JsonNumber} holds a {@link BigDecimal}):
 * a 13-digit epoch-millis or a 30-digit integer round-trips unchanged. Objects keep member
 * order; arrays keep element order.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    static JsonString of(String value) {
        return new JsonString(value);
    }

    static JsonNumber of(long value) {
        return JsonNumber.of(value);
    }

    static JsonNumber of(BigDecimal value) {
        return new JsonNumber(value);
    }

    static JsonBoolean of(boolean value) {
        return JsonBoolean.of(value);
    }

    static JsonNull nullValue() {
        return JsonNull.INSTANCE;
    }

    /** The JSON type name, for error messages: object, array, string, number, boolean, null. */
    String typeName();
}
