package io.github.upstoxtotp.json.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;
import java.io.IOException;
import java.util.Map;

/** Writes the core's tree through a {@link JsonGenerator}; refuses trees it could not read back. */
final class JacksonTreeWriter {
    private JacksonTreeWriter() {
    }

    static void write(JsonGenerator g, JsonValue value) throws IOException {
        write(g, value, 0);
    }

    // Recursion is bounded: depth is checked before descending, so at most MAX_DEPTH + 1 frames.
    private static void write(JsonGenerator g, JsonValue value, int depth) throws IOException {
        if (value instanceof JsonObject o) {
            checkDepth(depth);
            g.writeStartObject();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), depth + 1);
            }
            g.writeEndObject();
        } else if (value instanceof JsonArray a) {
            checkDepth(depth);
            g.writeStartArray();
            for (JsonValue element : a.elements()) {
                write(g, element, depth + 1);
            }
            g.writeEndArray();
        } else if (value instanceof JsonString s) {
            g.writeString(s.value());
        } else if (value instanceof JsonNumber n) {
            // BigDecimal.toString: exact, keeps the scale, and never expands 1E+300 into 301 digits
            g.writeNumber(n.value());
        } else if (value instanceof JsonBoolean b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }

    /**
     * True when no string or member name holds a surrogate and the tree is within
     * {@link JsonPort#MAX_DEPTH}: then Jackson's UTF-8 generator writes exactly the bytes the
     * text path would (see {@link JacksonJsonPort#writeBytes}).
     */
    static boolean plainBmp(JsonValue value) {
        return plainBmp(value, 0);
    }

    private static boolean plainBmp(JsonValue value, int depth) {
        if (value instanceof JsonObject o) {
            if (depth >= JsonPort.MAX_DEPTH) {
                return false;
            }
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                if (!noSurrogate(e.getKey()) || !plainBmp(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        } else if (value instanceof JsonArray a) {
            if (depth >= JsonPort.MAX_DEPTH) {
                return false;
            }
            for (JsonValue element : a.elements()) {
                if (!plainBmp(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        } else if (value instanceof JsonString s) {
            return noSurrogate(s.value());
        }
        return true;
    }

    private static boolean noSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void checkDepth(int depth) {
        if (depth >= JsonPort.MAX_DEPTH) {
            throw new JsonException("tree nested deeper than " + JsonPort.MAX_DEPTH
                    + " arrays/objects cannot be written: no JsonPort could read it back", null);
        }
    }
}
