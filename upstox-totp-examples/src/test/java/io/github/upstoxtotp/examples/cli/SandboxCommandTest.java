package io.github.upstoxtotp.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxCommandTest {
    private static final Pattern EXPORT = Pattern.compile("(?m)^export (UPSTOX_[A-Z_]+)=(.*)$");

    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void printsTheSettingsThatLetAClientLogInWhileItServes() {
        CliHarness.Streams streams = new CliHarness.Streams();
        AtomicReference<CliHarness.Result> login = new AtomicReference<>();
        CliHarness sandboxCli = new CliHarness(work, home).stopSignal(() -> {
            // the sandbox is serving now: log in with exactly what it printed
            Map<String, String> env = new LinkedHashMap<>();
            Matcher m = EXPORT.matcher(streams.out.toString());
            while (m.find()) {
                env.put(m.group(1), m.group(2));
            }
            login.set(new CliHarness(work, home).run(env, "generate-token", "--quiet"));
        });

        var r = sandboxCli.run(streams, Map.of(), "sandbox");

        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("http://127.0.0.1:"), r::toString);
        assertTrue(r.out().contains("9999999999"), r::toString);
        for (String name : new String[] {"UPSTOX_USERNAME", "UPSTOX_PIN_CODE", "UPSTOX_TOTP_SECRET", "UPSTOX_CLIENT_ID",
                "UPSTOX_CLIENT_SECRET", "UPSTOX_REDIRECT_URI", "UPSTOX_API_BASE_URL", "UPSTOX_SERVICE_BASE_URL",
                "UPSTOX_SLEEP_TIME", "UPSTOX_TOKEN_STORE"}) {
            assertTrue(r.out().contains("export " + name + "="), () -> name + "\n" + r);
        }
        assertEquals(0, login.get().exitCode(), () -> login.get().toString());
        assertEquals(1, login.get().out().lines().count(), () -> login.get().toString());
        assertTrue(r.err().contains("sandbox: stopped"), r::toString);
    }

    @Test
    void portInUseFailsWithExitOneAndATip() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            var r = new CliHarness(work, home).run(Map.of(), "sandbox", "--port", Integer.toString(taken.getLocalPort()));

            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.err().contains("tip:"), r::toString);
            assertEquals("", r.out());
        }
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        var r = new CliHarness(work, home).run(Map.of(), "sandbox", "--port", "70000");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--port"), r::toString);
    }
}
