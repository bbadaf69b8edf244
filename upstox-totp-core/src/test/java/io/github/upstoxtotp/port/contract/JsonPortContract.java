package io.github.upstoxtotp.port.contract;

import static io.github.upstoxtotp.port.contract.JsonPortContractSamples.SECRET;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonText;
import io.github.upstoxtotp.port.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link JsonPort} adapter passes. An adapter's test extends this class
 * and implements {@link #createPort()}; a capability it cannot offer is declared by overriding
 * a flag method, which turns the affected tests into visible skips.
 *
 * <p>Policies the suite pins down, so that all adapters agree:
 * <ul>
 *   <li>duplicate member names are rejected, also when they differ only in escaping;</li>
 *   <li>{@code -0} and {@code -0.0} read as numeric zero (the sign of zero is not kept);</li>
 *   <li>a byte order mark, UTF-16 input and invalid UTF-8 are rejected;</li>
 *   <li>exactly {@link JsonPort#MAX_DEPTH} nested levels are read and written, one more is a
 *       {@link JsonException} both ways;</li>
 *   <li>error messages and their causes never contain the input.</li>
 * </ul>
 */
public abstract class JsonPortContract {

    /** The port under test; called once per test. */
    protected abstract JsonPort createPort();

    /** Whether a string with an unpaired surrogate survives {@code parse(write(tree))}. */
    protected boolean preservesUnpairedSurrogatesOnWrite() {
        return true;
    }

    /** Whether errors carry a line and column (every adapter must at least give an offset). */
    protected boolean reportsLineAndColumn() {
        return true;
    }

    /** Whether U+2028/U+2029 are written escaped, as {@link JsonText#write} does. */
    protected boolean escapesLineSeparatorsOnWrite() {
        return true;
    }

    /** Whether absurdly long number literals (100,000 digits) are refused rather than parsed. */
    protected boolean rejectsAbsurdlyLongNumbers() {
        return true;
    }

    private JsonPort port;

    @BeforeEach
    void createPortUnderTest() {
        port = createPort();
    }

    // ---- every type, order, nesting ----

    @Test
    void parsesEveryJsonType() {
        JsonValue parsed = port.parse("{\"s\":\"text\",\"i\":42,\"d\":-1.5,\"t\":true,\"f\":false,\"n\":null,"
                + "\"a\":[1,\"x\",null],\"o\":{\"k\":\"v\"}}");
        JsonObject expected = JsonObject.builder()
                .put("s", "text").put("i", 42).put("d", new BigDecimal("-1.5")).put("t", true).put("f", false)
                .put("n", JsonNull.INSTANCE)
                .put("a", JsonArray.of(JsonNumber.of(1), new JsonString("x"), JsonNull.INSTANCE))
                .put("o", JsonObject.builder().put("k", "v").build())
                .build();
        assertEquals(expected, parsed);
    }

    @Test
    void parsesEveryKindOfValueAtTheRoot() {
        assertEquals(new JsonString("x"), port.parse("\"x\""));
        assertEquals(JsonNumber.of(0), port.parse("0"));
        assertEquals(JsonBoolean.TRUE, port.parse("true"));
        assertEquals(JsonBoolean.FALSE, port.parse("false"));
        assertEquals(JsonNull.INSTANCE, port.parse("null"));
        assertEquals(JsonArray.EMPTY, port.parse("[]"));
        assertEquals(JsonObject.EMPTY, port.parse("{}"));
    }

    @Test
    void whitespaceBetweenTokensIsAllowed() {
        assertEquals(port.parse("{\"a\":[1,2]}"), port.parse(" \t\r\n{ \"a\" :\n[ 1 ,\t2 ] }\r\n "));
    }

    @Test
    void keepsMemberAndElementOrder() {
        List<String> names = List.of("zeta", "alpha", "mu", "beta", "omega", "a", "z", "m", "b", "y");
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(i);
        }
        JsonObject object = (JsonObject) port.parse(text.append('}').toString());
        assertEquals(names, new ArrayList<>(object.members().keySet()));
        assertEquals(names, new ArrayList<>(((JsonObject) port.parse(port.write(object))).members().keySet()));
        JsonArray array = (JsonArray) port.parse("[3,1,2,\"b\",\"a\"]");
        assertEquals(JsonArray.of(JsonNumber.of(3), JsonNumber.of(1), JsonNumber.of(2), new JsonString("b"),
                new JsonString("a")), array);
    }

    @Test
    void parsesNestedStructures() {
        JsonObject root = (JsonObject) port.parse("{\"a\":[{\"b\":[[],{\"c\":[null]}]}],\"d\":{}}");
        JsonArray a = (JsonArray) root.get("a").orElseThrow();
        JsonArray b = (JsonArray) ((JsonObject) a.get(0)).get("b").orElseThrow();
        assertEquals(JsonArray.EMPTY, b.get(0));
        assertEquals(JsonArray.of(JsonNull.INSTANCE), ((JsonObject) b.get(1)).get("c").orElseThrow());
        assertEquals(JsonObject.EMPTY, root.get("d").orElseThrow());
    }

    // ---- strings ----

    @Test
    void decodesEveryEscape() {
        assertEquals(new JsonString("\" \\ / \b \f \n \r \t"), port.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""));
    }

    @Test
    void decodesUnicodeEscapesAndSurrogatePairs() {
        assertEquals(new JsonString("\u00e9\u4e2d\ud83d\ude00\u0000"), port.parse("\"\\u00e9\\u4E2D\\ud83d\\ude00\\u0000\""));
        assertEquals(new JsonString("😀"), port.parse("\"\\ud83d\\ude00\""));
    }

    @Test
    void keepsRawNonAsciiFromTextAndBytes() {
        String value = "h\u00e9llo \u65e5\u672c \ud83d\ude00 \u0939\u093f\u0928\u094d\u0926\u0940";
        String text = "[\"" + value + "\"]";
        JsonArray expected = JsonArray.of(new JsonString(value));
        assertEquals(expected, port.parse(text));
        assertEquals(expected, port.parse(text.getBytes(UTF_8)));
        assertEquals(expected, port.parse(port.writeBytes(expected)));
    }

    @Test
    void controlCharactersAreEscapedOnWrite() {
        StringBuilder all = new StringBuilder("\"\\");
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String value = all.append('\u007f').toString();
        JsonObject tree = JsonObject.builder().put(value, value).build();
        String written = port.write(tree);
        for (int i = 0; i < written.length(); i++) {
            assertTrue(written.charAt(i) >= 0x20, "raw control character U+" + Integer.toHexString(written.charAt(i)) + " written");
        }
        assertEquals(tree, port.parse(written));
    }

    @Test
    void lineAndParagraphSeparatorsAreEscapedOnWrite() {
        assumeTrue(escapesLineSeparatorsOnWrite(), "adapter writes U+2028/U+2029 raw");
        JsonString tree = new JsonString("a\u2028b\u2029c");
        String written = port.write(tree);
        assertFalse(written.contains("\u2028") || written.contains("\u2029"), "U+2028/U+2029 written raw");
        assertEquals(tree, port.parse(written));
    }

    @Test
    void unpairedSurrogatesSurviveWriting() {
        assumeTrue(preservesUnpairedSurrogatesOnWrite(), "adapter's encoder replaces unpaired surrogates");
        JsonValue tree = port.parse("[\"\\ud800\",\"x\\udc00y\"]");
        assertEquals(JsonArray.of(new JsonString("\ud800"), new JsonString("x\udc00y")), tree);
        assertEquals(tree, port.parse(port.write(tree)));
    }

    // ---- numbers ----

    @Test
    void longExtremesAreExact() {
        JsonArray a = (JsonArray) port.parse("[9223372036854775807,-9223372036854775808]");
        assertEquals(Long.MAX_VALUE, ((JsonNumber) a.get(0)).longValueExact());
        assertEquals(Long.MIN_VALUE, ((JsonNumber) a.get(1)).longValueExact());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
        "-123456789012345678901234567890", "18446744073709551616"})
    void integersBeyondLongAreExact(String text) {
        assertEquals(new BigInteger(text), ((JsonNumber) port.parse(text)).bigIntegerValueExact());
        assertEquals(new BigInteger(text), ((JsonNumber) port.parse(port.write(port.parse(text)))).bigIntegerValueExact());
    }

    @Test
    void aThousandDigitIntegerIsExact() {
        String digits = "9".repeat(1000);
        assertEquals(new BigInteger(digits), ((JsonNumber) port.parse(digits)).bigIntegerValueExact());
    }

    @Test
    void epochMillisAreExact() {
        JsonObject o = (JsonObject) port.parse("{\"refreshTokenExpiry\":1735689600123}");
        assertEquals(1735689600123L, ((JsonNumber) o.get("refreshTokenExpiry").orElseThrow()).longValueExact());
        assertTrue(port.write(o).contains("1735689600123"), "epoch millis written as written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "1e-7", "1.5E+300", "-2.5e-300", "1E400", "0.30000000000000004",
        "3.14159265358979323846264338327950288419716939937510", "1.0", "100", "2.50", "1e2", "0e5"})
    void decimalsAreExactAndKeepTheirScale(String text) {
        BigDecimal expected = new BigDecimal(text);
        BigDecimal parsed = ((JsonNumber) port.parse(text)).value();
        assertEquals(expected, parsed, "BigDecimal.equals: value and scale");
        BigDecimal again = ((JsonNumber) port.parse(port.write(port.parse(text)))).value();
        assertEquals(expected, again, "value and scale after a write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "-0.0", "-0e5", "-0E-3"})
    void negativeZeroReadsAsZero(String text) {
        JsonNumber n = (JsonNumber) port.parse(text);
        assertEquals(0, n.value().signum());
        assertEquals(JsonNumber.of(0), n);
        assertEquals(JsonNumber.of(0), port.parse(port.write(n)));
    }

    @Test
    void numbersBeyondBigDecimalRangeAreRejected() {
        assertRejected("1e9999999999999");
        assertRejected("[1E-9999999999999]");
    }

    @Test
    void absurdlyLongNumbersAreRejected() {
        assumeTrue(rejectsAbsurdlyLongNumbers(), "adapter has no number length limit");
        assertRejected("1" + "0".repeat(100_000));
        assertRejected("[0." + "1".repeat(100_000) + "]");
    }

    // ---- strictness ----

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":null,\"a\":null}", "{\"x\":{\"a\":1,\"b\":2,\"a\":3}}",
        "{\"a\":1,\"\\u0061\":2}", "[{\"k\":[],\"k\":{}}]", "{\"\":1,\"\":2}"})
    void duplicateMemberNamesAreRejected(String text) {
        assertRejected(text);
        assertRejectedBytes(text.getBytes(UTF_8));
    }

    @Test
    void equalNamesInDifferentObjectsAreFine() {
        assertEquals(2, ((JsonArray) port.parse("[{\"a\":1},{\"a\":2,\"b\":{\"a\":3}}]")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\" 1}", "{\"a\":}", "[1,]", "[,1]", "{,}", "{\"a\":1,}", "tru", "nul", "True", "01",
        "-01", "1.", ".5", "+1", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "\"\\x\"", "'a'", "{a:1}",
        "{'a':1}", "[1 2]", "{\"a\":1 \"b\":2}", "// c\n1", "/* c */ 1", "# c\n1", "\"\\u12G4\"", "]", "}",
        "[}", "{]", ":", ",", "{\"a\"::1}", "[1:2]", "{1:2}", "\"\\U00e9\"", "[01]", "[-]", "1.e5", "TRUE", "NULL", "False",
        "[nuLL]", "{\"a\":tRue}", "\"\\'\"", "\"a\\\nb\"", "{\"a\\'\":1}", "[1;2]", "{\"a\"=1}", "{\"a\"=>1}",
        "truex", "nulll", "[true false]", "\"\\u00e\""})
    void malformedInputIsRejectedWithAPosition(String text) {
        assertRejected(text);
        assertRejectedBytes(text.getBytes(UTF_8));
    }

    @Test
    void rawControlCharactersInStringsAreRejected() {
        for (char c = 0; c < 0x20; c++) {
            assertRejected("[\"a" + c + "b\"]");
            assertRejected("{\"a" + c + "b\":1}");
            assertRejectedBytes(("[\"a" + c + "b\"]").getBytes(UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[", "{\"a\":1", "[1,2", "\"abc", "{\"a\"", "{\"a\":", "tr", "\"a\\", "\"\\u00",
        "[{\"a\":[", "-", "1e", "[\"a\",", "{\"a\":{\"b\":[1,{"})
    void truncatedInputIsRejectedWithAPosition(String text) {
        assertRejected(text);
        assertRejectedBytes(text.getBytes(UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "1 2", "[] []", "{}}", "\"a\" \"b\"", "null,", "[1]]", "{\"a\":1} // c",
        "true false", "0 0", "{}{}"})
    void trailingContentIsRejectedWithAPosition(String text) {
        int firstValueEnd = text.indexOf(' ') > 0 ? text.indexOf(' ') : text.length() - 2;
        JsonException e = assertRejected(text);
        assertTrue(e.offset() >= firstValueEnd, "offset " + e.offset() + " before the trailing content");
        assertRejectedBytes(text.getBytes(UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t\r ", "\n\n"})
    void emptyAndWhitespaceOnlyInputAreRejected(String text) {
        assertRejected(text);
        assertRejectedBytes(text.getBytes(UTF_8));
    }

    @Test
    void errorsNameLineAndColumn() {
        assumeTrue(reportsLineAndColumn(), "adapter reports offsets only");
        String text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        JsonException e = assertRejected(text);
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.column() >= 8 && e.column() <= 10, e.getMessage());
        int x = text.indexOf('x');
        assertTrue(e.offset() >= x && e.offset() <= x + 2, e.getMessage());
    }

    // ---- depth ----

    @Test
    void exactlyMaxDepthIsAcceptedBothWays() {
        String arrays = "[".repeat(JsonPort.MAX_DEPTH) + "1" + "]".repeat(JsonPort.MAX_DEPTH);
        JsonValue tree = port.parse(arrays);
        int depth = 0;
        for (JsonValue v = tree; v instanceof JsonArray a; v = a.get(0)) {
            depth++;
        }
        assertEquals(JsonPort.MAX_DEPTH, depth);
        assertEquals(arrays, port.write(tree));
        assertEquals(tree, port.parse(arrays.getBytes(UTF_8)));

        String objects = "{\"a\":".repeat(JsonPort.MAX_DEPTH - 1) + "[\"x\"]" + "}".repeat(JsonPort.MAX_DEPTH - 1);
        JsonValue objectTree = port.parse(objects);
        assertEquals(objects, port.write(objectTree));
    }

    @Test
    void nestingDeeperThanMaxDepthIsRejected() {
        int tooDeep = JsonPort.MAX_DEPTH + 1;
        assertRejected("[".repeat(tooDeep) + "]".repeat(tooDeep));
        assertRejected("{\"a\":".repeat(tooDeep) + "1" + "}".repeat(tooDeep));
        assertRejected("[{\"a\":".repeat(tooDeep / 2 + 1) + "1" + "}]".repeat(tooDeep / 2 + 1));
        assertRejectedBytes(("[".repeat(tooDeep) + "]".repeat(tooDeep)).getBytes(UTF_8));
    }

    @Test
    @Timeout(30)
    void absurdNestingFailsCleanlyWithoutStackOverflow() {
        assertRejected("[".repeat(200_000));
        assertRejected("{\"a\":".repeat(200_000));
        assertRejectedBytes("[".repeat(200_000).getBytes(UTF_8));
    }

    @Test
    void writingATreeDeeperThanMaxDepthFailsCleanly() {
        assertThrows(JsonException.class, () -> port.write(nestedArrays(JsonPort.MAX_DEPTH + 1)));
        assertThrows(JsonException.class, () -> port.write(nestedArrays(100_000)));
    }

    // ---- encoding ----

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of(bytes('"', 0x80, '"'), 1),                  // stray continuation byte
                Arguments.of(bytes('"', 0xC0, 0xAF, '"'), 1),            // overlong '/'
                Arguments.of(bytes('"', 0xE0, 0x80, 0x80, '"'), 1),      // overlong NUL
                Arguments.of(bytes('"', 0xED, 0xA0, 0x80, '"'), 1),      // encoded surrogate
                Arguments.of(bytes('"', 0xC3), 1),                       // cut off
                Arguments.of(bytes('"', 'a', 0xF4, 0x90, 0x80, 0x80, '"'), 2), // above U+10FFFF
                Arguments.of(bytes('"', 0xF5, 0x80, 0x80, 0x80, '"'), 1),
                Arguments.of(bytes('[', '1', ',', 0xFF, ']'), 3),
                Arguments.of(bytes('{', '"', 'a', '"', ':', '"', 0xE2, 0x82, '"', '}'), 6));
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void invalidUtf8IsRejectedAtItsOffset(byte[] input, int offset) {
        JsonException e = assertRejectedBytes(input);
        assertEquals(offset, e.offset(), e.getMessage());
    }

    @Test
    void byteOrderMarkAndUtf16AreRejected() {
        assertRejected("\uFEFF[1]");
        assertRejectedBytes("\uFEFF[1]".getBytes(UTF_8));
        assertRejectedBytes("[1]".getBytes(Charset.forName("UTF-16BE")));
        assertRejectedBytes("[1]".getBytes(Charset.forName("UTF-16LE")));
        assertRejectedBytes("\"a\"".getBytes(Charset.forName("UTF-32BE")));
    }

    @Test
    void writeBytesIsTheUtf8OfWrite() {
        JsonValue tree = port.parse("{\"k\":\"h\u00e9llo \ud83d\ude00\",\"n\":[1.50,null]}");
        assertEquals(port.write(tree), new String(port.writeBytes(tree), UTF_8));
    }

    // ---- writing and round trips ----

    @Test
    void writeIsCompact() {
        JsonObject tree = JsonObject.builder()
                .put("a", JsonArray.of(JsonNumber.of(1), new JsonNumber(new BigDecimal("2.50")), new JsonString("x")))
                .put("b", JsonNull.INSTANCE).put("c", true).put("d", JsonObject.EMPTY).put("e", JsonArray.EMPTY)
                .build();
        assertEquals("{\"a\":[1,2.50,\"x\"],\"b\":null,\"c\":true,\"d\":{},\"e\":[]}", port.write(tree));
    }

    @Test
    void nullMembersSurviveWriting() {
        assertEquals("{\"a\":null,\"b\":[null]}", port.write(port.parse("{\"a\":null,\"b\":[null]}")));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void roundTripKeepsTheTree(String text) {
        JsonValue tree = port.parse(text);
        assertEquals(tree, port.parse(port.write(tree)));
        assertEquals(tree, port.parse(port.writeBytes(tree)));
        assertEquals(tree, port.parse(text.getBytes(UTF_8)));
        assertEquals(JsonText.write(tree), JsonText.write(port.parse(port.write(tree))), "numbers keep their scale");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void agreesWithTheCoreWriter(String text) {
        JsonValue tree = port.parse(text);
        assertEquals(tree, port.parse(JsonText.write(tree)));
        assertEquals(JsonText.write(tree), JsonText.write(port.parse(JsonText.write(tree))));
    }

    @Test
    void agreesWithTheCoreWriterOnBuiltTrees() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        JsonObject tree = JsonObject.builder()
                .put("controls", controls.toString())
                .put("quotes", "\"\\/")
                .put("unicode", "\u00e9\u65e5\ud83d\ude00\u2028\u2029")
                .put("big", new BigDecimal("123456789012345678901234567890.000"))
                .put("tiny", new BigDecimal("1E-400"))
                .put("millis", 1735689600123L)
                .put("min", Long.MIN_VALUE)
                .put("nested", JsonArray.of(JsonObject.EMPTY, JsonArray.of(JsonNull.INSTANCE, JsonBoolean.FALSE)))
                .build();
        assertEquals(tree, port.parse(JsonText.write(tree)));
        assertEquals(JsonText.write(tree), JsonText.write(port.parse(port.write(tree))));
    }

    static Stream<String> corpus() {
        return JsonPortContractSamples.corpus().stream();
    }

    // ---- errors never quote the input ----

    static Stream<String> inputsCarryingASecret() {
        return Stream.of(
                "{\"access_token\": " + SECRET + "}",
                "[" + SECRET + "]",
                SECRET,
                "{\"access_token\":\"" + SECRET + "\\q\"}",
                "{\"access_token\":\"" + SECRET + "\\u" + SECRET.substring(0, 4) + "\"}",
                "{\"access_token\":\"" + SECRET + "\" " + SECRET + "}",
                "{\"access_token\":\"" + SECRET + "\u0001\"}",
                "{\"access_token\":\"" + SECRET,
                "{\"" + SECRET + "\":1,\"" + SECRET + "\":2}",
                "{\"" + SECRET + "\" " + SECRET + "}",
                "123" + SECRET,
                "'" + SECRET + "'",
                "{\"access_token\":\"" + SECRET + "\"} " + SECRET,
                "[\"" + SECRET + "\"," + "[".repeat(300) + SECRET);
    }

    @ParameterizedTest
    @MethodSource("inputsCarryingASecret")
    void errorsNeverContainTheInput(String text) {
        assertNoSecretIn(assertRejected(text));
        assertNoSecretIn(assertRejectedBytes(text.getBytes(UTF_8)));
        byte[] withBadByte = (text + "\"").getBytes(UTF_8);
        withBadByte[withBadByte.length - 1] = (byte) 0xFF;
        assertNoSecretIn(assertRejectedBytes(withBadByte));
    }

    // ---- thread safety ----

    @Test
    @Timeout(60)
    void onePortServesManyThreads() throws Exception {
        List<String> corpus = JsonPortContractSamples.corpus();
        List<JsonValue> expected = new ArrayList<>();
        for (String text : corpus) {
            expected.add(port.parse(text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int k = (seed + i) % corpus.size();
                        JsonValue tree = port.parse(corpus.get(k));
                        assertEquals(expected.get(k), tree);
                        assertEquals(expected.get(k), port.parse(port.writeBytes(tree)));
                        if (i % 50 == 0) {
                            assertThrows(JsonException.class, () -> port.parse("{\"a\":1,\"a\":2}"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hasAName() {
        assertFalse(port.name().isBlank());
    }

    // ---- helpers ----

    private JsonException assertRejected(String text) {
        return assertRejectedWithPosition(() -> port.parse(text), "parse(String)");
    }

    private JsonException assertRejectedBytes(byte[] utf8) {
        return assertRejectedWithPosition(() -> port.parse(utf8), "parse(byte[])");
    }

    private static JsonException assertRejectedWithPosition(Executable call, String what) {
        JsonException e;
        try {
            call.run();
            return fail(what + " accepted invalid input");
        } catch (JsonException expected) {
            e = expected;
        } catch (StackOverflowError | RuntimeException other) {
            throw new AssertionError(what + " threw " + other.getClass().getName() + " instead of JsonException", other);
        }
        assertTrue(e.hasPosition(), what + ": no position in \"" + e.getMessage() + "\"");
        return e;
    }

    private static void assertNoSecretIn(Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = thrown; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            seen.addAll(List.of(t.getSuppressed()));
        }
        for (Throwable t : seen) {
            String text = t.getMessage() + " " + t;
            for (int i = 0; i + 6 <= SECRET.length(); i++) {
                String fragment = SECRET.substring(i, i + 6);
                assertFalse(text.contains(fragment), () -> t.getClass().getName() + " quotes the input: " + text);
            }
        }
    }

    private static JsonValue nestedArrays(int depth) {
        JsonValue v = JsonNumber.of(1);
        for (int i = 0; i < depth; i++) {
            v = JsonArray.of(v);
        }
        return v;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** A call that may throw; kept local so the suite needs nothing beyond JUnit. */
    @FunctionalInterface
    private interface Executable {
        void run();
    }
}
