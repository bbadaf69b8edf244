package io.github.upstoxtotp.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.config.Setting;
import io.github.upstoxtotp.examples.cli.CliContext;
import io.github.upstoxtotp.examples.cli.UpstoxTotpCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-value matrix of the core's {@code BadSettingTest} (and a few more), through the CLI's
 * {@code check-env} this time: each bad value is named by its variable, flagged INVALID in the
 * table, explained in the problem list, exits 2, and — for a secret — is never printed, not even
 * the part of it that the mask would show for a good one beyond its first characters.
 */
class CheckEnvBadInputTest {
    private static int tried;
    private static int passed;

    @TempDir
    static Path dir;

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("UPSTOX_USERNAME", "12345", "exactly 10 digits"),
                bad("UPSTOX_USERNAME", "123456789012", "exactly 10 digits"),
                bad("UPSTOX_USERNAME", "+919876543210", "drop the leading +91"),
                bad("UPSTOX_USERNAME", "+91 98765 43210", "drop the leading +91"),
                bad("UPSTOX_USERNAME", "919876543210", "drop the leading 91"),
                bad("UPSTOX_USERNAME", "98765x3210", "character 6 is not a digit"),
                bad("UPSTOX_USERNAME", "9876543210\u0000", "exactly 10 digits"),
                bad("UPSTOX_PIN_CODE", "193", "shorter than 4"),
                bad("UPSTOX_PIN_CODE", "1938475", "longer than 6"),
                bad("UPSTOX_PIN_CODE", "19z8", "not a digit"),
                bad("UPSTOX_PIN_CODE", "19 38", "not a digit"),
                bad("UPSTOX_PIN_CODE", "NDgyOTEz", "looks base64-encoded"),
                bad("UPSTOX_PIN_CODE", "\u0664\u0668\u0662\u0669", "not a digit"),
                bad("UPSTOX_TOTP_SECRET", "KRUGS4ZANFZSA!ZF", "character 14 is not a Base32 letter"),
                bad("UPSTOX_TOTP_SECRET", "krugs4zanfzsa0zf", "character 14 is not a Base32 letter"),
                bad("UPSTOX_TOTP_SECRET", "KRUG S4ZA-NFZS 1ZF", "is not a Base32 letter"),
                bad("UPSTOX_TOTP_SECRET", "KRUGS4", "ends a group of 6"),
                bad("UPSTOX_TOTP_SECRET", "KRUGS4ZA=NFZSAYZF", "padding in the middle"),
                bad("UPSTOX_TOTP_SECRET", "- - -", "no Base32 letters"),
                bad("UPSTOX_TOTP_SECRET", "otpauth://totp/Upstox?secret=KRUGS4ZA", "not a Base32 letter"),
                bad("UPSTOX_CLIENT_ID", "my client id", "must not contain spaces"),
                bad("UPSTOX_CLIENT_SECRET", "sec ret value", "must not contain spaces"),
                bad("UPSTOX_REDIRECT_URI", "/callback", "absolute http(s) URL"),
                bad("UPSTOX_REDIRECT_URI", "ftp://example.com/cb", "scheme is 'ftp'"),
                bad("UPSTOX_REDIRECT_URI", "http://exa mple.com/cb", "not a valid URL"),
                bad("UPSTOX_REDIRECT_URI", "https:///cb", "must name a host"),
                bad("UPSTOX_REDIRECT_URI", "https://example.com/cb#top", "must not have a fragment"),
                bad("UPSTOX_API_BASE_URL", "api.upstox.com", "absolute http(s) URL"),
                bad("UPSTOX_API_BASE_URL", "mailto:ops@upstox.com", "scheme is 'mailto'"),
                bad("UPSTOX_API_BASE_URL", "https://api.upstox.com?x=1", "must not have a query"),
                bad("UPSTOX_SERVICE_BASE_URL", "http://bad_host", "must name a host"),
                bad("UPSTOX_SERVICE_BASE_URL", "http:opaque", "must name a host"),
                bad("UPSTOX_SLEEP_TIME", "abc", "not a whole number"),
                bad("UPSTOX_SLEEP_TIME", "1.5", "not a whole number"),
                bad("UPSTOX_SLEEP_TIME", "-1", "from 0 to 10000 ms"),
                bad("UPSTOX_SLEEP_TIME", "10001", "from 0 to 10000 ms"),
                bad("UPSTOX_SLEEP_TIME", "99999999999999999999999", "from 0 to 10000 ms"),
                bad("UPSTOX_DEBUG", "maybe", "true/false, 1/0, yes/no, on/off"),
                bad("UPSTOX_DEBUG", "2", "true/false, 1/0, yes/no, on/off"),
                bad("UPSTOX_TOKEN_STORE", "tok\0en.json", "file path or 'none'"));
    }

    private static Arguments bad(String envName, String value, String expected) {
        return Arguments.of(envName, value, expected);
    }

    static Map<String, String> goodSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("UPSTOX_USERNAME", "9876543210");
        env.put("UPSTOX_PIN_CODE", "482913");
        env.put("UPSTOX_TOTP_SECRET", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        env.put("UPSTOX_CLIENT_ID", "my-client-id");
        env.put("UPSTOX_CLIENT_SECRET", "cs-9f8e7d6c5b4a-very-secret");
        env.put("UPSTOX_REDIRECT_URI", "https://example.com/callback");
        return env;
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @MethodSource("badValues")
    void checkEnvNamesEveryBadValueAndNeverEchoesASecret(String envName, String value, String expected) {
        tried++;
        Map<String, String> env = goodSettings();
        env.put(envName, value);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, dir, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                Clock.systemUTC(), () -> { });

        int code = UpstoxTotpCli.run(ctx, "check-env");

        String all = out + "\n--- stderr ---\n" + err;
        assertEquals(2, code, all);
        assertTrue(Pattern.compile("(?m)^" + envName + " .*INVALID$").matcher(out.toString()).find(),
                () -> envName + " flagged INVALID in the table:\n" + all);
        assertTrue(out.toString().contains("1 problem:"), all);
        String problem = out.toString().lines().filter(l -> l.startsWith("  - ")).findFirst().orElse("");
        assertTrue(problem.startsWith("  - " + envName + " "), () -> "the problem names " + envName + ":\n" + all);
        assertTrue(problem.contains(expected), () -> "expected '" + expected + "' in: " + problem);
        assertTrue(err.toString().contains("error:"), all);
        if (Setting.byEnvName(envName).orElseThrow().isSecret()) {
            String secret = value.strip();
            assertFalse(all.contains(secret), () -> "the secret was echoed:\n" + all);
            if (secret.length() >= 8) {
                // nothing past the mask's leading characters either
                assertFalse(all.contains(secret.substring(2, 8)), () -> "part of the secret was echoed:\n" + all);
            }
        }
        passed++;
    }

    @AfterAll
    static void figures() {
        // the figure RELIABILITY.md quotes
        System.out.println("check-env bad input: " + tried + " bad values tried, " + passed + " passed");
    }
}
