package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Terse JSON trees for tests: {@code obj("a", 1, "b", "x", "c", null)}. */
final class Trees {
    private Trees() {
    }

    static JsonObject obj(Object... namesAndValues) {
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.put((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return b.build();
    }

    static JsonArray arr(Object... values) {
        List<JsonValue> out = new ArrayList<>();
        for (Object v : values) {
            out.add(value(v));
        }
        return new JsonArray(out);
    }

    static JsonValue value(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof String s) {
            return new JsonString(s);
        }
        if (v instanceof Boolean b) {
            return JsonBoolean.of(b);
        }
        if (v instanceof Integer i) {
            return JsonNumber.of(i);
        }
        if (v instanceof Long l) {
            return JsonNumber.of(l);
        }
        throw new IllegalArgumentException("unsupported " + v.getClass());
    }
}
