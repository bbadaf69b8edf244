package io.github.upstoxtotp.json.jackson;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonpCharacterEscapes;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.upstoxtotp.port.JsonInput;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;

/**
 * {@link JsonPort} on Jackson's streaming API ({@code jackson-core} only; no databind).
 *
 * <p>Fulfils the whole {@link JsonPort} contract:
 * <ul>
 *   <li>numbers are read from their literal text into a {@code BigDecimal}, never through
 *       {@code double}; number literals longer than 1000 characters are rejected (turning a
 *       longer literal into a {@code BigDecimal} costs quadratic time);</li>
 *   <li>input is strict RFC 8259: no comments, single quotes, unquoted names, leading zeros,
 *       {@code NaN}, trailing commas, raw control characters in strings, duplicate member names,
 *       byte order marks or trailing content; {@code -0} and {@code -0.0} read as zero (a
 *       {@code BigDecimal} has no negative zero);</li>
 *   <li>{@link #parse(byte[])} reads the bytes directly, after a strict UTF-8 check (Jackson's
 *       own decoder lets overlong forms and encoded surrogates through, and guesses UTF-16/32
 *       from zero bytes; neither is accepted here);</li>
 *   <li>nesting is counted by this class, iteratively, up to {@link JsonPort#MAX_DEPTH};</li>
 *   <li>errors are {@link JsonException}s with line, column and offset (characters for
 *       {@link #parse(String)}, bytes for {@link #parse(byte[])}) and the JSON path, e.g.
 *       {@code unexpected character in $.data.user at line 1, column 9 (offset 8)}. Jackson's
 *       exception is never attached as the cause, because its message quotes the input.</li>
 *   <li>writing is compact; quotes, backslashes, control characters and U+2028/U+2029 are
 *       escaped; numbers are written as {@code BigDecimal.toString()} (exact, scale kept).</li>
 * </ul>
 *
 * <p>Thread-safe: a {@link JsonFactory} is thread-safe once configured, and every call creates
 * its own parser or generator.
 */
public final class JacksonJsonPort implements JsonPort {
    private final JsonFactory factory;

    /** A port on a factory configured for this contract (see {@link #JacksonJsonPort(JsonFactory)}). */
    public JacksonJsonPort() {
        this.factory = defaultFactory();
    }

    /**
     * A port on a caller's factory, e.g. one shared with other code or with tuned
     * {@link StreamReadConstraints}.
     *
     * <p>The factory's read constraints apply in addition to this port's own limits (depth
     * {@link JsonPort#MAX_DEPTH}, 1000-character numbers), so a factory can only make parsing
     * stricter. Whatever the factory enables, every parser created here has all lenient
     * {@link JsonReadFeature}s turned off, and every generator quotes names, writes numbers as
     * numbers (never as strings, never expanded to plain form) and escapes U+2028/U+2029 unless
     * the factory brings its own character escapes.
     *
     * @param factory a JSON factory (format name {@code "JSON"}), not modified
     * @throws IllegalArgumentException if the factory is for another format (Smile, CBOR, YAML...)
     */
    public JacksonJsonPort(JsonFactory factory) {
        Objects.requireNonNull(factory, "factory");
        if (!JsonFactory.FORMAT_NAME_JSON.equals(factory.getFormatName())) {
            throw new IllegalArgumentException("JacksonJsonPort needs a JSON factory, not one for " + factory.getFormatName());
        }
        this.factory = factory;
    }

    private static JsonFactory defaultFactory() {
        return new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(JacksonTreeReader.MAX_NUMBER_LENGTH)
                        .build())
                // Locations must not carry the input; messages are replaced anyway, this is belt and braces.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(0)
                        .maxRawContentLength(0)
                        .build())
                // Member names come from the network: do not intern them into the JVM's string pool.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .characterEscapes(JsonpCharacterEscapes.instance())
                .build();
    }

    @Override
    public JsonValue parse(String text) {
        Objects.requireNonNull(text, "text");
        try (JsonParser parser = strict(factory.createParser(text))) {
            return JacksonTreeReader.read(parser);
        } catch (IOException e) {
            throw JacksonErrors.unreadable(e, null);
        }
    }

    /** Reads UTF-8 bytes directly; invalid UTF-8 is a {@link JsonException} at its byte offset. */
    @Override
    public JsonValue parse(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        int invalid = JsonInput.firstInvalid(utf8);
        if (invalid >= 0) {
            throw fail("invalid UTF-8", utf8, invalid);
        }
        // Jackson sniffs the encoding: a BOM is skipped and zero bytes up front switch to UTF-16/32.
        // Input is UTF-8 by contract, and a BOM or a raw NUL is not JSON text.
        if (utf8.length >= 3 && (utf8[0] & 0xFF) == 0xEF && (utf8[1] & 0xFF) == 0xBB && (utf8[2] & 0xFF) == 0xBF) {
            throw fail("byte order mark is not allowed", utf8, 0);
        }
        for (int i = 0; i < Math.min(4, utf8.length); i++) {
            if (utf8[i] == 0) {
                throw fail("unexpected character", utf8, i);
            }
        }
        try (JsonParser parser = strict(factory.createParser(utf8))) {
            return JacksonTreeReader.read(parser);
        } catch (IOException e) {
            throw JacksonErrors.unreadable(e, null);
        }
    }

    @Override
    public String write(JsonValue value) {
        Objects.requireNonNull(value, "value");
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = compact(factory.createGenerator(out))) {
            JacksonTreeWriter.write(generator, value);
        } catch (IOException | RuntimeException e) {
            if (e instanceof JsonException je) {
                throw je;
            }
            // The tree may hold secrets and Jackson's message may quote them: keep only the type.
            throw new JsonException("tree could not be written (" + e.getClass().getSimpleName() + ")", null);
        }
        return out.toString();
    }

    /**
     * Writes UTF-8 straight from Jackson's byte generator: no {@code StringWriter}, no
     * {@code String} copy, no re-encoding — the request bodies of every login go through here
     * (benchmark 3). The bytes are the same as {@code write(value).getBytes(UTF_8)}: both
     * generators write the same escapes (this port's {@link JsonpCharacterEscapes} included) and
     * encode other characters as UTF-8. The one place they differ is surrogates (Jackson's byte
     * generator writes them as six-character escapes or refuses a lone one, where {@code getBytes}
     * writes a pair as 4 bytes and a lone one as {@code ?}), so a tree holding any surrogate, or
     * too deep to write, takes the text path and keeps its exact old outcome.
     */
    @Override
    public byte[] writeBytes(JsonValue value) {
        Objects.requireNonNull(value, "value");
        if (!JacksonTreeWriter.plainBmp(value)) {
            return JsonPort.super.writeBytes(value);
        }
        // As jackson-databind's writeValueAsBytes: the builder's first block comes from the
        // factory's buffer recycler and goes back to it, so only the result array is new.
        BufferRecycler recycler = factory._getBufferRecycler();
        try {
            ByteArrayBuilder out = new ByteArrayBuilder(recycler);
            try (JsonGenerator generator = compact(factory.createGenerator(out, JsonEncoding.UTF8))) {
                JacksonTreeWriter.write(generator, value);
            }
            return out.getClearAndRelease();
        } catch (IOException | RuntimeException e) {
            if (e instanceof JsonException je) {
                throw je;
            }
            // The tree may hold secrets and Jackson's message may quote them: keep only the type.
            throw new JsonException("tree could not be written (" + e.getClass().getSimpleName() + ")", null);
        } finally {
            recycler.releaseToPool();
        }
    }

    /** {@code "jackson"}. */
    @Override
    public String name() {
        return "jackson";
    }

    private static JsonParser strict(JsonParser parser) {
        for (JsonReadFeature lenient : JsonReadFeature.values()) {
            parser.disable(lenient.mappedFeature());
        }
        return parser;
    }

    private static JsonGenerator compact(JsonGenerator generator) {
        generator.setPrettyPrinter(null);
        generator.enable(JsonWriteFeature.QUOTE_FIELD_NAMES.mappedFeature());
        generator.disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS.mappedFeature());
        generator.disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
        if (generator.getCharacterEscapes() == null) {
            generator.setCharacterEscapes(JsonpCharacterEscapes.instance());
        }
        return generator;
    }

    private static JsonException fail(String problem, byte[] input, int offset) {
        long[] lineColumn = JsonInput.lineAndColumn(input, offset);
        return new JsonException(problem, lineColumn[0], lineColumn[1], offset, null);
    }
}
