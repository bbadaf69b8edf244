package io.github.upstoxtotp.port;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The codec the core speaks through: JSON text to the core's {@link JsonValue} tree and back.
 * Adapters only tokenize; binding a tree to records happens once, in the core.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety:</b> implementations are thread-safe; one instance serves all.</li>
 *   <li><b>Numbers are exact:</b> every number becomes a {@link JsonNumber} holding the exact
 *       decimal value of its text; integers beyond {@code Long.MAX_VALUE} and long decimals
 *       round-trip unchanged. Nothing goes through {@code double}.</li>
 *   <li><b>Strict input:</b> malformed, truncated or empty input, trailing non-whitespace,
 *       a duplicate member name in one object, and nesting deeper than {@link #MAX_DEPTH}
 *       arrays/objects each throw {@link JsonException} with the position; never another
 *       exception and never {@link StackOverflowError}.</li>
 *   <li><b>Unknown fields</b> are simply members of the tree.</li>
 *   <li><b>Writing</b> is compact; quotes, backslashes and every control character are
 *       escaped; {@code write(parse(x))} equals {@code x} as JSON.</li>
 *   <li><b>No secrets in errors:</b> exception messages never quote the input.</li>
 * </ul>
 */
public interface JsonPort {

    /** The deepest nesting of arrays and objects accepted; deeper input is a {@link JsonException}. */
    int MAX_DEPTH = 256;

    /**
     * Parses one JSON value from text.
     *
     * @throws JsonException if the text is not exactly one valid JSON value
     */
    JsonValue parse(String text);

    /**
     * Parses one JSON value from UTF-8 bytes. Invalid UTF-8 is a {@link JsonException}.
     * The default decodes strictly and calls {@link #parse(String)}; adapters may override
     * to read bytes directly.
     */
    default JsonValue parse(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JsonException("input is not valid UTF-8", e);
        }
        return parse(text);
    }

    /**
     * Writes a tree as compact JSON text.
     *
     * @throws JsonException if the tree cannot be written
     */
    String write(JsonValue value);

    /** Writes a tree as UTF-8 bytes. */
    default byte[] writeBytes(JsonValue value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** A short name for diagnostics, e.g. {@code "jackson"}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
