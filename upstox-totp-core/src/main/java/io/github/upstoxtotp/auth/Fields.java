package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of a response object, with errors that name the step, the dotted path and the
 * expected type, never the value (it may be a token).
 *
 * <p>Absent and JSON {@code null} are the same: "missing". Numbers are read exactly. Because
 * the login service is undocumented and loosely typed, a number or boolean sent as a string
 * ({@code "30"}, {@code "true"}) is accepted.
 */
final class Fields {
    private static final java.util.regex.Pattern INTEGER_TEXT = java.util.regex.Pattern.compile("-?[0-9]{1,19}");
    private final LoginStep step;
    private final JsonObject object;
    private final String path;

    private Fields(LoginStep step, JsonObject object, String path) {
        this.step = step;
        this.object = object;
        this.path = path;
    }

    /** The body, which must be an object. */
    static Fields root(LoginStep step, JsonValue body) {
        if (!(body instanceof JsonObject o)) {
            throw new ProtocolException(step, "body", "body: expected a JSON object, got " + (body == null ? "nothing" : body.typeName()));
        }
        return new Fields(step, o, "");
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonValue value(String name) {
        JsonValue v = object.members().get(name);
        return v instanceof JsonNull ? null : v;
    }

    private ProtocolException missing(String name, String type) {
        return new ProtocolException(step, path(name), path(name) + " missing (expected " + type + ")");
    }

    private ProtocolException wrongType(String name, String type, JsonValue got) {
        return new ProtocolException(step, path(name), path(name) + ": expected " + type + ", got " + got.typeName());
    }

    Fields object(String name) {
        Fields f = optObject(name);
        if (f == null) {
            throw missing(name, "object");
        }
        return f;
    }

    Fields optObject(String name) {
        JsonValue v = value(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw wrongType(name, "object", v);
        }
        return new Fields(step, o, path(name));
    }

    /** Whether the member is there and not JSON {@code null}. */
    boolean has(String name) {
        return value(name) != null;
    }

    /** An array of objects, one {@code Fields} per element (paths {@code name[i]}); null when missing. */
    List<Fields> optObjects(String name) {
        JsonValue v = value(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            throw wrongType(name, "array of objects", v);
        }
        List<Fields> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            String at = path(name) + "[" + i + "]";
            if (!(a.get(i) instanceof JsonObject o)) {
                throw new ProtocolException(step, at, at + ": expected object, got " + a.get(i).typeName());
            }
            out.add(new Fields(step, o, at));
        }
        return out;
    }

    /** A required string; blank counts as missing. */
    String string(String name) {
        String s = optString(name);
        if (s == null || s.isBlank()) {
            throw missing(name, "string");
        }
        return s;
    }

    String optString(String name) {
        JsonValue v = value(name);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.value();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        throw wrongType(name, "string", v);
    }

    Boolean optBoolean(String name) {
        JsonValue v = value(name);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonBoolean b) {
            return b.value();
        }
        if (v instanceof JsonString s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.value());
        }
        throw wrongType(name, "boolean", v);
    }

    int intValue(String name) {
        Integer i = optInt(name);
        if (i == null) {
            throw missing(name, "integer");
        }
        return i;
    }

    Integer optInt(String name) {
        Long l = optLong(name, "integer (int)");
        if (l == null) {
            return null;
        }
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new ProtocolException(step, path(name), path(name) + ": expected integer (int), got a number out of range");
        }
        return l.intValue();
    }

    Long optLong(String name) {
        return optLong(name, "integer (int64)");
    }

    private Long optLong(String name, String type) {
        JsonValue v = value(name);
        if (v == null) {
            return null;
        }
        JsonNumber n;
        if (v instanceof JsonNumber num) {
            n = num;
        } else if (v instanceof JsonString s && INTEGER_TEXT.matcher(s.value().strip()).matches()) {
            n = JsonNumber.parse(s.value().strip());
        } else {
            throw wrongType(name, type, v);
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new ProtocolException(step, path(name), path(name) + ": expected " + type + ", got a fraction or a number out of range");
        }
    }

    /** A list of strings; missing is an empty list. */
    List<String> strings(String name) {
        JsonValue v = value(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw wrongType(name, "array of strings", v);
        }
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonValue e = a.get(i);
            if (!(e instanceof JsonString s)) {
                throw new ProtocolException(step, path(name) + "[" + i + "]",
                        path(name) + "[" + i + "]: expected string, got " + e.typeName());
            }
            out.add(s.value());
        }
        return out;
    }
}
