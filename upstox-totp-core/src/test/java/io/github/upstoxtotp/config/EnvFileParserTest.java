package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvFileParserTest {

    private static EnvFileParser.Result parse(String... lines) {
        return EnvFileParser.parse(List.of(lines), "test.env");
    }

    @Test
    void readsTheUsualDotenvForms() {
        EnvFileParser.Result r = parse(
                "\uFEFF# a comment",
                "",
                "   ",
                "PLAIN=value",
                "export EXPORTED=yes",
                "SPACED = around equals  ",
                "DOUBLE=\"two words\"",
                "SINGLE='it is #literal'",
                "ESCAPES=\"a\\\"b\\\\c\\nd\"",
                "INLINE=value # comment",
                "HASH=abc#def",
                "EMPTY=",
                "QUOTED_COMMENT=\"x\"  # after",
                "DUP=first",
                "DUP=second");

        assertEquals(Map.ofEntries(
                Map.entry("PLAIN", "value"),
                Map.entry("EXPORTED", "yes"),
                Map.entry("SPACED", "around equals"),
                Map.entry("DOUBLE", "two words"),
                Map.entry("SINGLE", "it is #literal"),
                Map.entry("ESCAPES", "a\"b\\c\nd"),
                Map.entry("INLINE", "value"),
                Map.entry("HASH", "abc#def"),
                Map.entry("EMPTY", ""),
                Map.entry("QUOTED_COMMENT", "x"),
                Map.entry("DUP", "second")), r.values());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void everyBadLineIsReportedByNumberWithoutItsValue() {
        EnvFileParser.Result r = parse(
                "UPSTOX_PIN_CODE 918273",
                "just-a-secret-value-k3y",
                "=orphan-secret",
                "UPSTOX_TOTP_SECRET=\"ABCDEFGH",
                "UPSTOX_CLIENT_SECRET='s3cretvalue",
                "OTHER=\"quoted\"trailing-secret",
                "OK=fine");

        assertEquals(List.of(
                "UPSTOX_PIN_CODE: line 1 of test.env has no '=' (write UPSTOX_PIN_CODE=value)",
                "line 2 of test.env is not KEY=VALUE, a comment or a blank line",
                "line 3 of test.env: the text before '=' is not a variable name",
                "UPSTOX_TOTP_SECRET: line 4 of test.env has an unterminated double quote (values must fit on one line)",
                "UPSTOX_CLIENT_SECRET: line 5 of test.env has an unterminated single quote"
                        + " (values must fit on one line)",
                "OTHER: line 6 of test.env has text after the closing quote"), r.problems());
        assertEquals(Map.of("OK", "fine"), r.values());
        assertEquals(Set.of("UPSTOX_PIN_CODE", "UPSTOX_TOTP_SECRET", "UPSTOX_CLIENT_SECRET", "OTHER"),
                r.malformedKeys());
        String all = String.join("\n", r.problems());
        ValidSettings.assertNoSecret(all, List.of("918273", "just-a-secret", "orphan-secret", "ABCDEFGH",
                "s3cretvalue", "trailing-secret"));
    }

    @Test
    void aLaterGoodLineForTheSameKeyStillCounts() {
        EnvFileParser.Result r = parse("UPSTOX_CLIENT_ID=\"open", "UPSTOX_CLIENT_ID=closed");
        assertEquals(Map.of("UPSTOX_CLIENT_ID", "closed"), r.values());
        assertEquals(1, r.problems().size());
    }
}
