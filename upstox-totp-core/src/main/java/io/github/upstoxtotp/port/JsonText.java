package io.github.upstoxtotp.port;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * The core's reference JSON writer: compact RFC 8259 text for a {@link JsonValue}.
 *
 * <p>Adapters write through their own library; this one exists so that the core's tests and
 * the contract suites have a JDK-only yardstick, and for {@link #redacted(JsonValue)}, the
 * form every tree type's {@code toString} uses: the structure with each string replaced by its
 * length, so that logging a tree can never print a token, code or PIN.
 */
public final class JsonText {
    private JsonText() {
    }

    /** Compact JSON text; control characters, quotes and backslashes escaped. */
    public static String write(JsonValue value) {
        StringBuilder sb = new StringBuilder(64);
        append(sb, value, false);
        return sb.toString();
    }

    /** Like {@link #write} but every string value is shown as {@code "<N chars>"}. */
    public static String redacted(JsonValue value) {
        StringBuilder sb = new StringBuilder(64);
        append(sb, value, true);
        return sb.toString();
    }

    static String number(BigDecimal value) {
        // BigDecimal.toString is valid JSON (e.g. 1E+3); keep it, it preserves the exact value.
        return value.toString();
    }

    private static void append(StringBuilder sb, JsonValue value, boolean redact) {
        if (value instanceof JsonObject o) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonValue> e = it.next();
                quote(sb, e.getKey());
                sb.append(':');
                append(sb, e.getValue(), redact);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else if (value instanceof JsonArray a) {
            sb.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, a.elements().get(i), redact);
            }
            sb.append(']');
        } else if (value instanceof JsonString s) {
            if (redact) {
                sb.append("\"<").append(s.value().length()).append(" chars>\"");
            } else {
                quote(sb, s.value());
            }
        } else if (value instanceof JsonNumber n) {
            sb.append(number(n.value()));
        } else if (value instanceof JsonBoolean b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
