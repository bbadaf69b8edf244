package io.github.upstoxtotp.json.moshi;

import com.squareup.moshi.JsonWriter;
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
import okio.Buffer;
import okio.BufferedSink;

/**
 * Writes the core's tree through Moshi's {@link JsonWriter}. Like the reader, a writer holds
 * at most 255 levels, so a value {@value MoshiTreeReader#LEVELS_PER_READER} levels below a
 * writer's first level is written by a fresh writer and spliced in through
 * {@link JsonWriter#valueSink()}. Trees deeper than {@link JsonPort#MAX_DEPTH} are refused.
 */
final class MoshiTreeWriter {
    private MoshiTreeWriter() {
    }

    static Buffer write(JsonValue value) throws IOException {
        Buffer out = new Buffer();
        try (JsonWriter writer = newWriter(out)) {
            write(writer, value, 0, 0);
        }
        return out;
    }

    private static JsonWriter newWriter(Buffer out) {
        JsonWriter writer = JsonWriter.of(out);
        writer.setLenient(false);
        // Without it Moshi drops a member whose value is null.
        writer.setSerializeNulls(true);
        writer.setIndent("");
        return writer;
    }

    // Recursion is bounded: depth is checked before descending, so at most MAX_DEPTH + 1 frames.
    private static void write(JsonWriter w, JsonValue value, int depth, int writerBase) throws IOException {
        if (value instanceof JsonObject || value instanceof JsonArray) {
            if (depth >= JsonPort.MAX_DEPTH) {
                throw new JsonException("tree nested deeper than " + JsonPort.MAX_DEPTH
                        + " arrays/objects cannot be written: no JsonPort could read it back", null);
            }
            if (depth - writerBase >= MoshiTreeReader.LEVELS_PER_READER) {
                Buffer detached = new Buffer();
                try (JsonWriter inner = newWriter(detached)) {
                    write(inner, value, depth, depth);
                }
                try (BufferedSink sink = w.valueSink()) {
                    sink.writeAll(detached);
                }
                return;
            }
        }
        if (value instanceof JsonObject o) {
            w.beginObject();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                w.name(e.getKey());
                write(w, e.getValue(), depth + 1, writerBase);
            }
            w.endObject();
        } else if (value instanceof JsonArray a) {
            w.beginArray();
            for (JsonValue element : a.elements()) {
                write(w, element, depth + 1, writerBase);
            }
            w.endArray();
        } else if (value instanceof JsonString s) {
            // Moshi escapes quotes, backslashes, U+0000..U+001F and U+2028/U+2029.
            w.value(s.value());
        } else if (value instanceof JsonNumber n) {
            // Written as BigDecimal.toString(): exact and valid JSON (e.g. 1.5E+300).
            w.value(n.value());
        } else if (value instanceof JsonBoolean b) {
            w.value(b.value());
        } else {
            w.nullValue();
        }
    }
}
