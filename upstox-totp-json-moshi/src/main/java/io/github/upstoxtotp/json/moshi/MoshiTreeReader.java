package io.github.upstoxtotp.json.moshi;

import com.squareup.moshi.JsonReader;
import io.github.upstoxtotp.port.JsonInput;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Builds the core's tree from Moshi's {@link JsonReader}, adding what Moshi leaves out in
 * strict mode: unique member names, no raw control characters in strings, exact numbers,
 * positions, and {@link JsonPort#MAX_DEPTH}.
 *
 * <p><b>Depth.</b> A Moshi reader holds at most 255 nested arrays/objects (its scope stack has
 * 256 slots and the document takes one). To accept exactly {@link JsonPort#MAX_DEPTH} levels, a
 * value that starts {@value #LEVELS_PER_READER} levels below a reader's first level is taken
 * out with {@link JsonReader#nextSource()} and read by a fresh reader. Recursion is bounded by
 * the depth check, which runs before every descent.
 *
 * <p><b>Positions.</b> Each reader reads an okio {@link Buffer} holding a known slice of the
 * input, so the bytes it has consumed give the offset of a failure.
 */
final class MoshiTreeReader {
    /** Longer number literals are rejected: parsing them into a BigDecimal costs quadratic time. */
    static final int MAX_NUMBER_LENGTH = 1000;
    static final int LEVELS_PER_READER = 128;

    private final byte[] input;
    /** The text when parsing a String: offsets and columns are then in chars. */
    private final String text;
    /** Member names (String, null before the first one) and array indexes (Integer) of the current value. */
    private final List<Object> path = new ArrayList<>();

    private MoshiTreeReader(byte[] input, String text) {
        this.input = input;
        this.text = text;
    }

    /** Reads exactly one JSON value from well-formed UTF-8; every failure is a {@link JsonException}. */
    static JsonValue read(byte[] utf8, String text) {
        return new MoshiTreeReader(utf8, text).readDocument();
    }

    private JsonValue readDocument() {
        Slice root = new Slice(new Buffer().write(input), 0);
        JsonReader reader = root.reader();
        try {
            boolean empty;
            try {
                empty = reader.peek() == JsonReader.Token.END_DOCUMENT;
            } catch (EOFException e) {
                // Moshi's answer to a document of whitespace alone
                empty = true;
            }
            if (empty) {
                throw fail("empty input: expected a JSON value", input.length);
            }
            JsonValue value = readValue(reader, root, 0, 0);
            boolean more;
            try {
                more = reader.peek() != JsonReader.Token.END_DOCUMENT;
            } catch (IOException | RuntimeException e) {
                more = true;
            }
            if (more) {
                throw fail("trailing content after the JSON value", root.position());
            }
            return value;
        } catch (JsonException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw translate(e, root);
        }
    }

    private JsonValue readValue(JsonReader reader, Slice slice, int depth, int readerBase) throws IOException {
        JsonReader.Token token = reader.peek();
        switch (token) {
            case BEGIN_ARRAY:
            case BEGIN_OBJECT:
                if (depth >= JsonPort.MAX_DEPTH) {
                    throw fail("nesting deeper than " + JsonPort.MAX_DEPTH + " arrays/objects", slice.position());
                }
                if (depth - readerBase >= LEVELS_PER_READER) {
                    return readDetached(reader, slice, depth);
                }
                return token == JsonReader.Token.BEGIN_ARRAY
                        ? readArray(reader, slice, depth, readerBase)
                        : readObject(reader, slice, depth, readerBase);
            case STRING: {
                long start = slice.position();
                String value = reader.nextString();
                requireStrictStringBody(start, slice.position());
                return new JsonString(value);
            }
            case NUMBER:
                return number(reader, slice);
            case BOOLEAN: {
                long end = slice.position();
                boolean value = reader.nextBoolean();
                requireLowerCase(value ? "true" : "false", end);
                return JsonBoolean.of(value);
            }
            case NULL: {
                long end = slice.position();
                reader.nextNull();
                requireLowerCase("null", end);
                return JsonNull.INSTANCE;
            }
            default:
                throw fail("expected a value", slice.position());
        }
    }

    private JsonArray readArray(JsonReader reader, Slice slice, int depth, int readerBase) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        reader.beginArray();
        int level = path.size();
        path.add(0);
        while (reader.hasNext()) {
            elements.add(readValue(reader, slice, depth + 1, readerBase));
            path.set(level, elements.size());
        }
        reader.endArray();
        path.remove(level);
        return new JsonArray(elements);
    }

    private JsonObject readObject(JsonReader reader, Slice slice, int depth, int readerBase) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        reader.beginObject();
        int level = path.size();
        path.add(null);
        while (reader.hasNext()) {
            long start = slice.position();
            String name = reader.nextName();
            requireStrictStringBody(start, slice.position());
            path.set(level, name);
            if (members.containsKey(name)) {
                throw fail("duplicate member name", start - 1);
            }
            members.put(name, readValue(reader, slice, depth + 1, readerBase));
        }
        reader.endObject();
        path.remove(level);
        return new JsonObject(members);
    }

    /** Moves a deep value to a fresh reader (see the class comment). */
    private JsonValue readDetached(JsonReader reader, Slice slice, int depth) throws IOException {
        Buffer copy = new Buffer();
        boolean truncated = false;
        try (BufferedSource source = reader.nextSource()) {
            try {
                source.readAll(copy);
            } catch (EOFException e) {
                // Keep what was read (readAll leaves a partial segment in the source's buffer):
                // reading the copy finds the first problem, which may come before the end
                // (too deep nesting, say), and its place.
                copy.writeAll(source.getBuffer());
                truncated = true;
            }
        }
        Slice inner = new Slice(copy, slice.position() - copy.size());
        JsonReader innerReader = inner.reader();
        try {
            JsonValue value = readValue(innerReader, inner, depth, depth);
            if (truncated) {
                throw fail("unexpected end of input", input.length);
            }
            if (innerReader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw fail("malformed JSON", inner.position());
            }
            return value;
        } catch (JsonException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw translate(e, inner);
        }
    }

    private JsonNumber number(JsonReader reader, Slice slice) throws IOException {
        long start = slice.position();
        // For NUMBER tokens Moshi's nextString() returns the literal (or Long.toString of a long,
        // which is the same text, as JSON forbids leading zeros): exact, never through double.
        String literal = reader.nextString();
        if (literal.length() > MAX_NUMBER_LENGTH) {
            throw fail("number longer than " + MAX_NUMBER_LENGTH + " characters", start);
        }
        try {
            return new JsonNumber(new BigDecimal(literal));
        } catch (NumberFormatException e) {
            // e.g. an exponent beyond the int range; the JDK's message may quote the digits
            throw fail("number out of range", start);
        }
    }

    /**
     * Checks the raw bytes of a string Moshi has just read (after its opening quote, up to and
     * including its closing quote): Moshi's strict mode lets raw control characters through, and
     * the escapes {@code \'} and backslash-newline, none of which RFC 8259 allows.
     */
    private void requireStrictStringBody(long from, long to) {
        for (long i = from; i < to; i++) {
            int c = input[(int) i] & 0xFF;
            if (c < 0x20) {
                throw fail("unescaped control character in a string", i);
            }
            if (c == '\\') {
                int escaped = i + 1 < to ? input[(int) i + 1] & 0xFF : -1;
                if ("\"\\/bfnrtu".indexOf(escaped) < 0) {
                    throw fail("invalid escape sequence", i);
                }
                i++;
            }
        }
    }

    /** Moshi's strict mode also reads {@code TRUE}, {@code True}, {@code NULL}...; JSON keywords are lower case. */
    private void requireLowerCase(String keyword, long end) {
        long start = end - keyword.length();
        for (int k = 0; k < keyword.length(); k++) {
            if (input[(int) (start + k)] != keyword.charAt(k)) {
                throw fail("unrecognized token, expected a value", start);
            }
        }
    }

    /**
     * Moshi's messages quote the input ({@code \\u} escapes, wrong-type values) and name it in
     * paths, so the exception is never attached; the description comes from a fixed vocabulary.
     */
    private JsonException translate(Exception e, Slice slice) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        long at = slice.position();
        String problem;
        if (e instanceof EOFException || m.startsWith("End of input") || m.startsWith("Unterminated string")
                || m.startsWith("Unterminated escape")) {
            problem = "unexpected end of input";
        } else if (m.startsWith("Unterminated array")) {
            problem = "expected ',' or ']'";
            at--;
        } else if (m.startsWith("Unterminated object")) {
            problem = "expected ',' or '}'";
            at--;
        } else if (m.startsWith("Expected name")) {
            problem = "expected a member name in double quotes";
            at--;
        } else if (m.startsWith("Expected ':'")) {
            problem = "expected ':' after a member name";
            at--;
        } else if (m.startsWith("Expected value")) {
            problem = "expected a value";
        } else if (m.startsWith("Invalid escape") || m.startsWith("\\u")) {
            problem = "invalid escape sequence";
        } else if (m.startsWith("Nesting too deep")) {
            problem = "nesting deeper than " + JsonPort.MAX_DEPTH + " arrays/objects";
        } else if (m.startsWith("Use JsonReader.setLenient")) {
            problem = lenientOnly(at);
        } else {
            problem = "malformed JSON (" + e.getClass().getSimpleName() + ")";
        }
        return fail(problem, Math.max(0, at));
    }

    /** Moshi's "malformed JSON" covers many cases; name the likely one from the character found. */
    private String lenientOnly(long offset) {
        if (offset >= input.length) {
            return "unexpected end of input";
        }
        int c = input[(int) offset] & 0xFF;
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return "unrecognized token, expected a value";
        } else if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
            return "invalid number";
        } else if (c == '/' || c == '#') {
            return "comments are not allowed";
        } else if (c == '\'') {
            return "expected a string in double quotes";
        }
        return "unexpected character";
    }

    private JsonException fail(String problem, long byteOffset) {
        return MoshiJsonPort.positioned(problem + " in " + path(), input, text, byteOffset);
    }

    private String path() {
        return JsonInput.path(path);
    }

    /** One reader's view: a buffer holding input[base, base + size). */
    private static final class Slice {
        final Buffer buffer;
        final long base;
        final long size;

        Slice(Buffer buffer, long base) {
            this.buffer = buffer;
            this.base = base;
            this.size = buffer.size();
        }

        JsonReader reader() {
            JsonReader reader = JsonReader.of(buffer);
            reader.setLenient(false);
            return reader;
        }

        /** Absolute offset in the input of the next unread byte. */
        long position() {
            return base + size - buffer.size();
        }
    }
}
