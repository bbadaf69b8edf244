package io.github.upstoxtotp.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.examples.cli.CliContext;
import io.github.upstoxtotp.examples.cli.UpstoxTotpCli;
import io.github.upstoxtotp.examples.reliability.SecretScan.Hit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The secret-leak proof. A login per transport × codec, with {@code debug} on and every logger at
 * TRACE — slf4j-simple's default level and java.util.logging's root level (OkHttp logs there) —
 * and then a login with a wrong PIN, run by {@link LeakProbeMain} in a JVM of its own (logging
 * backends read their levels once, at start), against the sandbox on loopback. Everything the JVM
 * printed — all log output, and the {@code toString()} and message of every public object and
 * exception it met — is scanned for the PIN, its base64, the wrong PIN, the TOTP secret, every
 * TOTP code sent, the client secret, every cookie value, the OTP token, the authorization code
 * and the tokens, all harvested from the server side of the traffic.
 *
 * <p>Why a forked JVM and not {@code System.err} capture in this one: slf4j-simple fixes a
 * logger's level and output stream when the logger is first made, which in a shared test JVM has
 * already happened at WARN; a fresh JVM is the only reliable way to get every logger at TRACE.
 *
 * <p>What the proof covers: everything the project logs and prints. What it does not: Apache
 * HttpClient's own raw-traffic loggers ({@link SecretScan#HTTPCLIENT_WIRE_LOGGERS}) print request
 * bodies and cookies at DEBUG by design; the test shows they do (so the capture is known to see
 * raw traffic), that nothing else does, and that with those two loggers at INFO — what the CLI
 * now sets unless told otherwise — nothing leaks at all.
 */
@Timeout(300)
class SecretLeakTest {
    private static final String PROBE = LeakProbeMain.class.getName();
    private static final String CLI = UpstoxTotpCli.class.getName();

    @TempDir
    Path dir;
    private LeakSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = new LeakSandbox();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Every slf4j-simple logger and every java.util.logging logger at their most verbose. */
    private Map<String, String> everythingAtTrace() throws IOException {
        Path jul = dir.resolve("jul.properties");
        Files.writeString(jul, "handlers=java.util.logging.ConsoleHandler\n.level=ALL\n"
                + "java.util.logging.ConsoleHandler.level=ALL\n"
                + "java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter\n"
                + "java.util.logging.SimpleFormatter.format=JUL %3$s %4$s %5$s%6$s%n\n");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("org.slf4j.simpleLogger.defaultLogLevel", "trace");
        p.put("org.slf4j.simpleLogger.logFile", "System.err");
        p.put("org.slf4j.simpleLogger.showThreadName", "true");
        p.put("org.slf4j.simpleLogger.showLogName", "true");
        p.put("java.util.logging.config.file", jul.toString());
        return p;
    }

    private Map<String, String> probeEnv() {
        Map<String, String> env = new HashMap<>(sandbox.settings());
        env.put("LEAK_WRONG_PIN", LeakSandbox.WRONG_PIN);
        return env;
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"okhttp, jackson", "okhttp, moshi", "apache, jackson", "apache, moshi"})
    void everyLoggerAtTraceLeaksNoSecretOutsideHttpClientsOwnWireLog(String transport, String codec) throws IOException {
        ForkedJvm.Result r = ForkedJvm.run(dir, everythingAtTrace(), probeEnv(), PROBE, transport, codec);

        assertProbeRan(r);
        Map<String, String> secrets = sandbox.secrets();
        assertHarvested(secrets);
        List<Hit> hits = SecretScan.scan(r.out() + "\n" + r.err(), secrets);
        List<Hit> ours = SecretScan.outsideWireLog(hits);
        assertEquals(List.of(), ours, "secrets outside HttpClient's wire log");
        if (transport.equals("apache")) {
            // the control: the capture does see raw traffic, so a leak of ours could not hide
            assertTrue(hits.stream().anyMatch(h -> h.secret().equals("PIN (base64)")),
                    "HttpClient's wire log at DEBUG prints the PIN as sent; the capture must see it");
        } else {
            assertEquals(List.of(), hits, "OkHttp logs no traffic of its own");
        }
        report("library, " + transport + " + " + codec + ", every logger at TRACE", secrets, r, ours, hits.size() - ours.size());
    }

    @Test
    void apacheWithItsWireLoggersAtInfoLeaksNothingAtAll() throws IOException {
        Map<String, String> props = everythingAtTrace();
        for (String logger : SecretScan.HTTPCLIENT_WIRE_LOGGERS) {
            props.put("org.slf4j.simpleLogger.log." + logger, "info");
        }
        ForkedJvm.Result r = ForkedJvm.run(dir, props, probeEnv(), PROBE, "apache", "jackson");

        assertProbeRan(r);
        Map<String, String> secrets = sandbox.secrets();
        List<Hit> hits = SecretScan.scan(r.out() + "\n" + r.err(), secrets);
        assertEquals(List.of(), hits);
        report("library, apache + jackson, TRACE but HttpClient wire/headers at INFO", secrets, r, hits, 0);
    }

    /**
     * The CLI with {@code --debug}, and slf4j-simple's default level raised to TRACE as a user
     * might through {@code UPSTOX_TOTP_JAVA_OPTS}: stderr holds no secret at all (the CLI keeps
     * HttpClient's wire loggers at INFO unless they are named explicitly), and stdout holds only
     * the result: the access and extended tokens of a successful login, nothing else.
     */
    @ParameterizedTest(name = "{0} + {1}, {2}")
    @CsvSource({"apache, jackson, right PIN", "okhttp, moshi, right PIN", "apache, moshi, wrong PIN",
        "okhttp, jackson, wrong PIN"})
    void cliGenerateTokenWithDebugAtTracePrintsNoSecretOnStderr(String transport, String codec, String pin)
            throws IOException {
        boolean wrong = pin.startsWith("wrong");
        Map<String, String> env = sandbox.settings();
        env.put("UPSTOX_TOKEN_STORE", "none");
        if (wrong) {
            env.put("UPSTOX_PIN_CODE", LeakSandbox.WRONG_PIN);
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("org.slf4j.simpleLogger.defaultLogLevel", "trace");
        ForkedJvm.Result r = ForkedJvm.run(dir, props, env, CLI,
                "generate-token", "--debug", "--http", transport, "--codec", codec);

        assertEquals(wrong ? 1 : 0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("DEBUG"), () -> "debug logging was on: " + r);
        assertTrue(r.err().contains(wrong ? "1017106" : "step 6/6"), r::toString);
        Map<String, String> secrets = sandbox.secrets();
        List<Hit> onStderr = SecretScan.scan(r.err(), secrets);
        assertEquals(List.of(), onStderr, "secrets on the CLI's stderr");
        List<Hit> onStdout = SecretScan.scan(r.out(), secrets).stream()
                .filter(h -> !h.secret().equals("access token") && !h.secret().equals("extended token")).toList();
        assertEquals(List.of(), onStdout, "secrets other than the result on the CLI's stdout");
        report("CLI generate-token --debug, " + transport + " + " + codec + ", " + pin + ", default level TRACE",
                secrets, r, onStderr, 0);
    }

    @Test
    void checkEnvShowsNoSecret() {
        Map<String, String> env = sandbox.settings();
        env.put("UPSTOX_PASSWORD", "leak-probe-password-0x5e");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, dir, dir, new PrintWriter(out, true), new PrintWriter(err, true),
                Clock.systemUTC(), () -> { });
        int code = UpstoxTotpCli.run(ctx, "check-env");

        assertEquals(0, code, () -> out + "\n" + err);
        Map<String, String> secrets = new LinkedHashMap<>(sandbox.secrets());
        secrets.put("leak-probe-password-0x5e", "password");
        String all = out + "\n" + err;
        assertEquals(List.of(), SecretScan.scan(all, secrets));
        for (String name : List.of("UPSTOX_PIN_CODE", "UPSTOX_TOTP_SECRET", "UPSTOX_CLIENT_SECRET", "UPSTOX_PASSWORD")) {
            assertTrue(all.contains(name), name + " is listed");
        }
    }

    private static void assertProbeRan(ForkedJvm.Result r) {
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("DUMP token: AccessToken["), () -> "the login succeeded: " + r);
        assertTrue(r.out().contains("DUMP wrong PIN login failed: ") && r.out().contains("1017106"),
                () -> "the wrong-PIN login failed as it should: " + r);
        assertTrue(r.err().contains(" TRACE ") && r.err().contains(" DEBUG io.github.upstoxtotp."),
                () -> "every logger was at TRACE: " + r.err());
    }

    /** The scan is only as good as the secrets it knows: the traffic must have given them all. */
    private static void assertHarvested(Map<String, String> secrets) {
        for (String kind : List.of("TOTP code", "cookie value", "OTP token", "authorization code", "access token",
                "extended token")) {
            assertTrue(secrets.containsValue(kind), "no " + kind + " harvested from the traffic");
        }
        assertFalse(secrets.keySet().stream().anyMatch(String::isBlank));
    }

    private static void report(String what, Map<String, String> secrets, ForkedJvm.Result r, List<Hit> ours, int wire) {
        // the figures RELIABILITY.md quotes
        System.out.printf("secret leak scan [%s]: %d secret values, %d lines / %d chars scanned; found %d (ours), %d in"
                        + " HttpClient's wire/headers loggers%n", what, secrets.size(),
                (r.out() + "\n" + r.err()).split("\\R").length, r.out().length() + r.err().length(), ours.size(), wire);
    }
}
