package io.github.upstoxtotp.json.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonPort;

/**
 * Turns Jackson's failures into {@link JsonException}s.
 *
 * <p>Jackson's own messages quote the input ({@code Unrecognized token 'eyJhbGci...'},
 * {@code Unexpected character ('x' ...)}, {@code Invalid UTF-8 start byte 0x..}), and its
 * exceptions keep a reference to the parser and its buffers. The input may be a token
 * response, so Jackson's exception is never attached as a cause: the message is chosen here
 * from a fixed vocabulary, and only the position is taken over.
 */
final class JacksonErrors {
    private JacksonErrors() {
    }

    static JsonException at(String problem, JsonLocation location) {
        if (location == null) {
            return new JsonException(problem, null);
        }
        long offset = location.getCharOffset() >= 0 ? location.getCharOffset() : location.getByteOffset();
        return new JsonException(problem, location.getLineNr(), location.getColumnNr(), offset, null);
    }

    static JsonException translate(JsonProcessingException e, String path, JsonLocation fallback) {
        JsonLocation location = e.getLocation() != null ? e.getLocation() : fallback;
        return at(describe(e) + " in " + path, location);
    }

    static JsonException unreadable(Exception e, JsonLocation location) {
        return at("input could not be read (" + e.getClass().getSimpleName() + ")", location);
    }

    static JsonException failure(RuntimeException e, String path, JsonLocation location) {
        return at("parser failed (" + e.getClass().getSimpleName() + ") in " + path, location);
    }

    /** A description of what is wrong, never containing any part of Jackson's message verbatim. */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return "nesting deeper than " + JsonPort.MAX_DEPTH + " arrays/objects";
            } else if (m.startsWith("Number value length")) {
                return "number longer than the parser's limit";
            } else if (m.startsWith("String value length")) {
                return "string longer than the parser's limit";
            } else if (m.startsWith("Name length")) {
                return "member name longer than the parser's limit";
            }
            return "input exceeds a parser limit";
        }
        if (e instanceof JsonEOFException) {
            return "unexpected end of input";
        }
        if (m.startsWith("Invalid UTF-8") || m.contains("Invalid UTF-8")) {
            return "invalid UTF-8";
        } else if (m.startsWith("Illegal unquoted character")) {
            return "unescaped control character in a string";
        } else if (m.contains("character escape")) {
            return "invalid escape sequence";
        } else if (m.startsWith("Unrecognized token") || m.startsWith("Non-standard token")) {
            return "unrecognized token, expected a value";
        } else if (m.contains("numeric value") || m.contains("Numeric value")) {
            return "invalid number";
        } else if (m.startsWith("Unexpected close marker")) {
            return "mismatched closing bracket";
        } else if (m.contains("was expecting comma")) {
            return "expected ',' or a closing bracket";
        } else if (m.contains("was expecting a colon")) {
            return "expected ':' after a member name";
        } else if (m.contains("field name") || m.contains("property name")) {
            return "expected a member name in double quotes";
        } else if (m.startsWith("Duplicate field") || m.startsWith("Duplicate Object property")) {
            return "duplicate member name";
        } else if (m.startsWith("Unexpected character")) {
            return "unexpected character";
        }
        return "malformed JSON";
    }
}
