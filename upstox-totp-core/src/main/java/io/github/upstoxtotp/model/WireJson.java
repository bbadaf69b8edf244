package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Small helpers the records share to build their JSON trees and masked {@code toString}s. */
final class WireJson {
    static final String MASK = "****";

    private WireJson() {
    }

    static JsonValue str(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonString(s);
    }

    static JsonValue bool(Boolean b) {
        return b == null ? JsonNull.INSTANCE : JsonBoolean.of(b);
    }

    static JsonValue num(Long n) {
        return n == null ? JsonNull.INSTANCE : JsonNumber.of(n);
    }

    static JsonValue num(Integer n) {
        return n == null ? JsonNull.INSTANCE : JsonNumber.of(n);
    }

    static JsonValue strings(List<String> values) {
        if (values == null) {
            return JsonNull.INSTANCE;
        }
        List<JsonValue> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(str(v));
        }
        return new JsonArray(out);
    }

    static JsonValue json(JsonExportable value, boolean includeSecrets) {
        return value == null ? JsonNull.INSTANCE : value.toJson(includeSecrets);
    }

    /** "****" for a present secret, "null" for an absent one: presence is useful in logs, the value never. */
    static String mask(String secret) {
        return secret == null ? "null" : MASK;
    }

    /** A URI with its query and fragment masked: the query of a redirect URI carries the authorization code. */
    static String maskQuery(String uri) {
        if (uri == null) {
            return "null";
        }
        int cut = indexOfAny(uri, '?', '#');
        return cut < 0 ? uri : uri.substring(0, cut) + "?" + MASK;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
