package io.github.upstoxtotp.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckEnvCommandTest {
    static final String PIN = "482913";
    static final String TOTP = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final String CLIENT_SECRET = "cs-9f8e7d6c5b4a-very-secret";
    static final String PASSWORD = "hunter2-password";

    @TempDir
    Path work;
    @TempDir
    Path home;

    static Map<String, String> goodSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("UPSTOX_USERNAME", "9876543210");
        env.put("UPSTOX_PASSWORD", PASSWORD);
        env.put("UPSTOX_PIN_CODE", PIN);
        env.put("UPSTOX_TOTP_SECRET", TOTP);
        env.put("UPSTOX_CLIENT_ID", "my-client-id");
        env.put("UPSTOX_CLIENT_SECRET", CLIENT_SECRET);
        env.put("UPSTOX_REDIRECT_URI", "https://example.com/callback");
        env.put("HOME", "/somewhere/else");
        return env;
    }

    private CliHarness cli() {
        return new CliHarness(work, home);
    }

    private static void assertNoSecret(CliHarness.Result r) {
        for (String secret : new String[] {PIN, TOTP, TOTP.substring(0, 8), CLIENT_SECRET, CLIENT_SECRET.substring(0, 6), PASSWORD}) {
            assertFalse(r.all().contains(secret), () -> "printed a secret (" + secret.length() + " chars)\n" + r);
        }
    }

    @Test
    void goodSettingsListEverySettingMaskSecretsAndExitZero() {
        var r = cli().run(goodSettings(), "check-env");

        assertEquals(0, r.exitCode(), r::toString);
        for (Setting s : Setting.values()) {
            assertTrue(r.out().contains(s.envName()), () -> s.envName() + " not listed\n" + r);
        }
        assertTrue(r.out().contains("9876543210"), r::toString);
        assertTrue(r.out().contains("my-client-id"), r::toString);
        assertTrue(r.out().contains("https://example.com/callback"), r::toString);
        assertTrue(r.out().contains("environment"), r::toString);
        assertTrue(r.out().contains("OK"), r::toString);
        assertNoSecret(r);
    }

    @Test
    void defaultsAndTheDefaultTokenFileAreShown() {
        var r = cli().run(goodSettings(), "check-env");

        assertTrue(r.out().contains("https://api.upstox.com"), r::toString);
        assertTrue(r.out().contains("~/.upstox-totp/tokens.json"), r::toString);
    }

    @Test
    void missingAndMalformedSettingsAreAllListedAndExitTwo() {
        Map<String, String> env = goodSettings();
        env.remove("UPSTOX_PIN_CODE");
        env.remove("UPSTOX_CLIENT_SECRET");
        env.put("UPSTOX_USERNAME", "98765");
        env.put("UPSTOX_SLEEP_TIME", "99999");
        env.put("UPSTOX_REDIRECT_URI", "not a url");
        var r = cli().run(env, "check-env");

        assertEquals(2, r.exitCode(), r::toString);
        for (String name : new String[] {"UPSTOX_PIN_CODE", "UPSTOX_CLIENT_SECRET", "UPSTOX_USERNAME", "UPSTOX_SLEEP_TIME",
                "UPSTOX_REDIRECT_URI"}) {
            assertTrue(r.out().contains("  - " + name), () -> name + " not in the problem list\n" + r);
        }
        assertTrue(r.out().contains("5 problems"), r::toString);
        assertTrue(r.out().contains("MISSING"), r::toString);
        assertTrue(r.out().contains("INVALID"), r::toString);
        assertTrue(r.err().contains("error:"), r::toString);
        assertNoSecret(r);
    }

    @Test
    void malformedSecretIsReportedWithoutEchoingIt() {
        Map<String, String> env = goodSettings();
        String badTotp = "ABCD1890EFGH";
        String badPin = "12ab99";
        env.put("UPSTOX_TOTP_SECRET", badTotp);
        env.put("UPSTOX_PIN_CODE", badPin);
        var r = cli().run(env, "check-env");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.out().contains("  - UPSTOX_TOTP_SECRET"), r::toString);
        assertTrue(r.out().contains("  - UPSTOX_PIN_CODE"), r::toString);
        assertFalse(r.all().contains(badTotp), r::toString);
        assertFalse(r.all().contains(badPin), r::toString);
    }

    @Test
    void nothingSetListsEveryRequiredSettingAsMissing() {
        var r = cli().run(Map.of(), "check-env");

        assertEquals(2, r.exitCode(), r::toString);
        for (Setting s : Setting.values()) {
            if (s.isRequired()) {
                assertTrue(r.out().contains("  - " + s.envName()), () -> s.envName() + "\n" + r);
            }
        }
    }

    @Test
    void dotEnvFillsInWhatTheEnvironmentLacksAndIsNamedAsTheSource() throws Exception {
        Map<String, String> env = goodSettings();
        env.remove("UPSTOX_PIN_CODE");
        env.remove("UPSTOX_CLIENT_SECRET");
        Files.writeString(work.resolve(".env"), "UPSTOX_PIN_CODE=" + PIN + "\nUPSTOX_CLIENT_SECRET='" + CLIENT_SECRET + "'\n"
                + "UPSTOX_USERNAME=1111111111\n");
        var r = cli().run(env, "check-env");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(".env"), r::toString);
        assertTrue(r.out().contains("9876543210"), "the environment wins over .env\n" + r);
        assertFalse(r.out().contains("1111111111"), r::toString);
        assertNoSecret(r);
    }

    @Test
    void malformedEnvFileLineIsAProblemThatNeverQuotesTheLine() throws Exception {
        Map<String, String> env = goodSettings();
        env.remove("UPSTOX_PIN_CODE");
        Files.writeString(work.resolve("bad.env"), "UPSTOX_PIN_CODE " + PIN + "\n");
        var r = cli().run(env, "check-env", "--env-file", "bad.env");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.out().contains("UPSTOX_PIN_CODE"), r::toString);
        assertTrue(r.out().contains("line 1"), r::toString);
        assertNoSecret(r);
    }

    @Test
    void missingEnvFileIsAConfigurationErrorNamingIt() {
        var r = cli().run(goodSettings(), "check-env", "--env-file", "missing.env");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("missing.env"), r::toString);
    }

    @Test
    void unknownUpstoxNameIsAWarningNotAProblem() {
        Map<String, String> env = goodSettings();
        env.put("UPSTOX_PINCODE", "x");
        var r = cli().run(env, "check-env");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("warning: UPSTOX_PINCODE"), r::toString);
    }
}
