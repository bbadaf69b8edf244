package io.github.upstoxtotp.json.moshi;

import io.github.upstoxtotp.port.JsonInput;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.Buffer;

/**
 * {@link JsonPort} on Moshi's streaming {@code JsonReader}/{@code JsonWriter} over okio buffers.
 *
 * <p>Fulfils the whole {@link JsonPort} contract, adding what Moshi's strict mode leaves out:
 * <ul>
 *   <li>numbers: Moshi hands over a number token's literal text ({@code nextString()}), which
 *       becomes a {@code BigDecimal}; nothing goes through {@code double}; number literals
 *       longer than 1000 characters are rejected; {@code -0} and {@code -0.0} read as zero;</li>
 *   <li>strictness: duplicate member names, raw control characters inside strings (Moshi lets
 *       them through), trailing content, empty input, a byte order mark and invalid UTF-8
 *       (okio would decode it to U+FFFD) are {@link JsonException}s; for
 *       {@link #parse(String)}, so is an unpaired surrogate, which has no UTF-8 form;</li>
 *   <li>depth: exactly {@link JsonPort#MAX_DEPTH} levels are accepted although a Moshi reader
 *       or writer holds only 255 (deep values are handed to a fresh reader or writer);</li>
 *   <li>errors name line, column and offset (chars for {@link #parse(String)}, bytes for
 *       {@link #parse(byte[])}) and the JSON path. Moshi's exception is never attached as the
 *       cause: its messages quote the input (e.g. a malformed {@code \\u} escape);</li>
 *   <li>writing is compact, keeps {@code null} members, escapes quotes, backslashes, control
 *       characters and U+2028/U+2029, and writes numbers as {@code BigDecimal.toString()}.
 *       A string holding an unpaired surrogate is written with {@code ?} in its place (okio's
 *       UTF-8 encoder does that).</li>
 * </ul>
 *
 * <p>There is no constructor taking a {@code Moshi} instance: a {@code Moshi} configures
 * binding adapters, which a tree codec never uses, and the streaming reader's and writer's
 * only options (leniency, dropping nulls, indentation, HTML-safe escaping) would each break this
 * contract or change nothing that matters to it.
 *
 * <p>Thread-safe and stateless: every call builds its own reader or writer.
 */
public final class MoshiJsonPort implements JsonPort {

    /** A port with the only configuration the contract allows. */
    public MoshiJsonPort() {
    }

    @Override
    public JsonValue parse(String text) {
        Objects.requireNonNull(text, "text");
        int unpaired = JsonInput.firstUnpairedSurrogate(text);
        if (unpaired >= 0) {
            long[] lineColumn = JsonInput.lineAndColumn(text, unpaired);
            throw new JsonException("unpaired surrogate character", lineColumn[0], lineColumn[1], unpaired, null);
        }
        return MoshiTreeReader.read(text.getBytes(StandardCharsets.UTF_8), text);
    }

    /** Reads UTF-8 bytes directly; invalid UTF-8 is a {@link JsonException} at its byte offset. */
    @Override
    public JsonValue parse(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        int invalid = JsonInput.firstInvalid(utf8);
        if (invalid >= 0) {
            throw positioned("invalid UTF-8", utf8, null, invalid);
        }
        return MoshiTreeReader.read(utf8, null);
    }

    @Override
    public String write(JsonValue value) {
        return written(value).readUtf8();
    }

    @Override
    public byte[] writeBytes(JsonValue value) {
        return written(value).readByteArray();
    }

    /** {@code "moshi"}. */
    @Override
    public String name() {
        return "moshi";
    }

    private static Buffer written(JsonValue value) {
        Objects.requireNonNull(value, "value");
        try {
            return MoshiTreeWriter.write(value);
        } catch (JsonException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The tree may hold secrets and Moshi's message may quote them: keep only the type.
            throw new JsonException("tree could not be written (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** A {@link JsonException} at a byte offset, reported in chars when the input was a String. */
    static JsonException positioned(String problem, byte[] input, String text, long byteOffset) {
        if (text == null) {
            long[] lineColumn = JsonInput.lineAndColumn(input, byteOffset);
            return new JsonException(problem, lineColumn[0], lineColumn[1], byteOffset, null);
        }
        int chars = JsonInput.charOffset(text, byteOffset);
        long[] lineColumn = JsonInput.lineAndColumn(text, chars);
        return new JsonException(problem, lineColumn[0], lineColumn[1], chars, null);
    }
}
