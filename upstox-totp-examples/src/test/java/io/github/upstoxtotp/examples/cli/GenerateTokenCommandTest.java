package io.github.upstoxtotp.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;
import io.github.upstoxtotp.testing.SimulatedAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate-token} against the sandbox over real loopback HTTP; nothing leaves the machine. */
class GenerateTokenCommandTest {
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path work;
    @TempDir
    Path home;

    private SandboxServer sandbox;

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private CliHarness cli() {
        return new CliHarness(work, home);
    }

    /** Settings pointing at a sandbox this test started, as a user would export them. */
    private Map<String, String> sandboxSettings() {
        sandbox = Sandbox.start(new JacksonJsonPort(), 0);
        return new HashMap<>(Sandbox.settings(sandbox));
    }

    private static JsonObject parse(String json) {
        JsonValue v = new JacksonJsonPort().parse(json.strip());
        return assertInstanceOf(JsonObject.class, v);
    }

    private static JsonValue at(JsonObject o, String name) {
        return o.get(name).orElseThrow(() -> new AssertionError("no member " + name + " in " + o));
    }

    @Test
    void sandboxQuietPrintsExactlyOneLineThatIsAJwtAndNothingOnStderr() {
        var r = cli().run(Map.of(), "generate-token", "--sandbox", "--quiet");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith(NL), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r::toString);
        assertTrue(JWT.matcher(lines.get(0)).matches(), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void sandboxJsonIsTheSuccessEnvelopeWithTheTokenEndpointFields() {
        var r = cli().run(Map.of(), "generate-token", "--sandbox", "--json");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(1, r.out().lines().count(), r::toString);
        JsonObject envelope = parse(r.out());
        assertEquals(JsonBoolean.TRUE, at(envelope, "success"));
        assertEquals(JsonNull.INSTANCE, at(envelope, "error"));
        JsonObject data = assertInstanceOf(JsonObject.class, at(envelope, "data"));
        String token = assertInstanceOf(JsonString.class, at(data, "access_token")).value();
        assertTrue(JWT.matcher(token).matches(), token);
        assertEquals(new JsonString(SimulatedAccount.DEMO.userId()), at(data, "user_id"));
        assertEquals(new JsonString(SimulatedAccount.DEMO.email()), at(data, "email"));
        for (String field : List.of("exchanges", "products", "broker", "user_name", "order_types", "user_type", "is_active")) {
            assertTrue(data.has(field), () -> field + " missing: " + r);
        }
    }

    @Test
    void sandboxHumanOutputHasThePythonSdkFieldsAndStderrHasEachStepWithItsTime() {
        var r = cli().run(Map.of(), "generate-token", "--sandbox");

        assertEquals(0, r.exitCode(), r::toString);
        for (String label : List.of("Access token:", "User ID:", "User name:", "User type:", "Broker:", "Email:",
                "Products:", "Exchanges:", "Active:", "Valid until:")) {
            assertTrue(r.out().contains(label), () -> label + "\n" + r);
        }
        assertTrue(r.out().contains(SimulatedAccount.DEMO.userId()), r::toString);
        assertTrue(r.out().contains(SimulatedAccount.DEMO.email()), r::toString);
        for (int i = 1; i <= 6; i++) {
            assertTrue(Pattern.compile("(?m)^step " + i + "/6 .+ \\.\\.\\. ok \\(\\d+ ms\\)$").matcher(r.err()).find(),
                    "step " + i + "\n" + r);
        }
        assertTrue(Pattern.compile("logged in in \\d+ ms").matcher(r.err()).find(), r::toString);
        assertFalse(r.err().contains(SimulatedAccount.DEMO.pin()), r::toString);
    }

    @ParameterizedTest(name = "--http {0} --codec {1}")
    @CsvSource({"okhttp,jackson", "okhttp,moshi", "apache,jackson", "apache,MOSHI"})
    void everyTransportAndCodecLogsInThroughTheSandbox(String http, String codec) {
        var r = cli().run(Map.of(), "generate-token", "--sandbox", "--http", http, "--codec", codec, "--json");

        assertEquals(0, r.exitCode(), r::toString);
        JsonObject data = assertInstanceOf(JsonObject.class, at(parse(r.out()), "data"));
        assertInstanceOf(JsonString.class, at(data, "access_token"));
    }

    @Test
    void settingsPointingAtASandboxLogInAndStoreTheTokenUnderTheHomeDirectory() {
        var r = cli().run(sandboxSettings(), "generate-token", "--quiet");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isRegularFile(home.resolve(".upstox-totp").resolve("tokens.json")), r::toString);
    }

    @Test
    void storedValidTokenIsReusedAndSaysSoUnlessForced() {
        Map<String, String> env = sandboxSettings();
        env.put("UPSTOX_TOKEN_STORE", "tokens.json");
        var first = cli().run(env, "generate-token", "--quiet");
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(Files.isRegularFile(work.resolve("tokens.json")), first::toString);

        var second = cli().run(env, "generate-token");
        assertEquals(0, second.exitCode(), second::toString);
        assertTrue(second.err().contains("reusing the stored token"), second::toString);
        assertFalse(second.err().contains("step 1/6"), second::toString);
        assertTrue(second.out().contains(first.out().strip()), second::toString);

        var forced = cli().run(env, "generate-token", "--force", "--quiet");
        assertEquals(0, forced.exitCode(), forced::toString);
        assertNotEquals(first.out(), forced.out(), "--force must log in again");
    }

    @Test
    void tokenStoreNoneKeepsNothing() {
        Map<String, String> env = sandboxSettings();
        env.put("UPSTOX_TOKEN_STORE", "none");
        var r = cli().run(env, "generate-token", "--quiet");

        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(Files.exists(home.resolve(".upstox-totp")), r::toString);
        var again = cli().run(env, "generate-token");
        assertFalse(again.err().contains("reusing"), again::toString);
    }

    @Test
    void wrongPinFailsWithExitOneAndATip() {
        Map<String, String> env = sandboxSettings();
        env.put("UPSTOX_PIN_CODE", "111111");
        env.put("UPSTOX_TOKEN_STORE", "none");
        var r = cli().run(env, "generate-token");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("error:"), r::toString);
        assertTrue(r.err().contains("1017106"), r::toString);
        assertTrue(r.err().contains("tip:"), r::toString);
        assertTrue(Pattern.compile("(?m)^step 4/6 .+ failed").matcher(r.err()).find(), r::toString);
        assertEquals("", r.out());
        assertFalse(r.all().contains("111111"), r::toString);
    }

    @Test
    void wrongPinWithJsonPrintsTheFailureEnvelope() {
        Map<String, String> env = sandboxSettings();
        env.put("UPSTOX_PIN_CODE", "111111");
        env.put("UPSTOX_TOKEN_STORE", "none");
        var r = cli().run(env, "generate-token", "--json");

        assertEquals(1, r.exitCode(), r::toString);
        JsonObject envelope = parse(r.out());
        assertEquals(JsonBoolean.FALSE, at(envelope, "success"));
        assertEquals(JsonNull.INSTANCE, at(envelope, "data"));
        JsonObject error = assertInstanceOf(JsonObject.class, at(envelope, "error"));
        assertEquals(new JsonString("1017106"), at(error, "code"));
        assertInstanceOf(JsonString.class, at(error, "message"));
        assertInstanceOf(JsonString.class, at(error, "tip"));
    }

    @Test
    void wrongPinWithQuietPrintsOnlyTheErrorOnStderr() {
        Map<String, String> env = sandboxSettings();
        env.put("UPSTOX_PIN_CODE", "111111");
        env.put("UPSTOX_TOKEN_STORE", "none");
        var r = cli().run(env, "generate-token", "--quiet");

        assertEquals(1, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("error:"), r::toString);
        assertFalse(Pattern.compile("(?m)^step ").matcher(r.err()).find(), "no progress with --quiet\n" + r);
    }

    @Test
    void unreachableServiceFailsWithExitOneAndATip() throws Exception {
        Map<String, String> env = sandboxSettings();
        env.put("UPSTOX_TOKEN_STORE", "none");
        sandbox.close();
        var r = cli().run(env, "generate-token");

        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("tip:"), r::toString);
    }

    @Test
    void badSettingsExitTwoListingEveryProblem() {
        Map<String, String> env = new HashMap<>(CheckEnvCommandTest.goodSettings());
        env.put("UPSTOX_USERNAME", "12");
        env.remove("UPSTOX_PIN_CODE");
        env.put("UPSTOX_SLEEP_TIME", "-5");
        env.put("UPSTOX_TOKEN_STORE", "none");
        var r = cli().run(env, "generate-token");

        assertEquals(2, r.exitCode(), r::toString);
        for (String name : List.of("UPSTOX_USERNAME", "UPSTOX_PIN_CODE", "UPSTOX_SLEEP_TIME")) {
            assertTrue(r.err().contains("  - " + name), () -> name + "\n" + r);
        }
        assertTrue(r.err().contains("check-env"), r::toString);
        assertEquals("", r.out());
        assertFalse(r.all().contains(CheckEnvCommandTest.CLIENT_SECRET), r::toString);
    }

    @Test
    void badSettingsWithJsonPrintTheFailureEnvelope() {
        var r = cli().run(Map.of(), "generate-token", "--json");

        assertEquals(2, r.exitCode(), r::toString);
        JsonObject error = assertInstanceOf(JsonObject.class, at(parse(r.out()), "error"));
        assertEquals(new JsonString("CONFIGURATION"), at(error, "code"));
        String message = assertInstanceOf(JsonString.class, at(error, "message")).value();
        assertTrue(message.contains("UPSTOX_PIN_CODE"), message);
    }

    @Test
    void quietAndJsonTogetherAreAUsageError() {
        var r = cli().run(Map.of(), "generate-token", "--sandbox", "--quiet", "--json");

        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("mutually exclusive"), r::toString);
    }

    @Test
    void unknownTransportIsAUsageErrorNamingTheChoices() {
        var r = cli().run(Map.of(), "generate-token", "--sandbox", "--http", "curl");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("apache, okhttp"), r::toString);
    }

    @Test
    void unknownOptionCommandOrNoCommandIsAUsageError() {
        assertEquals(2, cli().run(Map.of(), "generate-token", "--frobnicate").exitCode());
        assertEquals(2, cli().run(Map.of(), "make-coffee").exitCode());
        var none = cli().run(Map.of());
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().contains("generate-token"), none::toString);
    }

    @Test
    void helpExitsZeroAndDocumentsTheContract() {
        var r = cli().run(Map.of(), "generate-token", "--help");

        assertEquals(0, r.exitCode(), r::toString);
        for (String option : List.of("--env-file", "--sandbox", "--http", "--codec", "--force", "--quiet", "--json")) {
            assertTrue(r.out().contains(option), () -> option + "\n" + r);
        }
        assertTrue(r.out().contains("apache, okhttp"), r::toString);
        assertTrue(r.out().contains("jackson, moshi"), r::toString);
    }
}
