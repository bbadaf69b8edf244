package io.github.upstoxtotp.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.auth.LoginListener;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.resilience.ResiliencePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every {@link FaultScenarios fault scenario} through the full client — {@link UpstoxTotp} with
 * a real transport (the subclass's), Jackson, the default resilience rules with millisecond
 * backoffs — against {@link ScriptedUpstox} on loopback. Each scenario asserts the exception
 * type, the failed step, the message, the tip, the exact number of requests per path (WireMock's
 * own log), and that no message in the cause chain holds a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
abstract class LoginFaultSuite {
    /** The real rules, with waits short enough for a test: 3 connect attempts, 2 dialog and 2 throttling retries. */
    static final ResiliencePolicy POLICY = ResiliencePolicy.builder()
            .sleepTime(Duration.ZERO)
            .maxConnectAttempts(3)
            .backoff(Duration.ofMillis(1), 2.0, Duration.ofMillis(8))
            .max429Retries(2)
            .retryAfterCap(Duration.ofMillis(20))
            .dialog5xxRetries(2)
            .build();
    private static final JsonPort JSON = new JacksonJsonPort();

    private ScriptedUpstox upstox;
    private final AtomicInteger passed = new AtomicInteger();
    private int tried;

    /** A new transport of the kind under test; the suite closes it. */
    protected abstract HttpPort newPort();

    @BeforeAll
    void start() {
        upstox = new ScriptedUpstox();
    }

    @AfterAll
    void stop() {
        upstox.close();
        // the figure RELIABILITY.md quotes
        System.out.println("fault suite [" + transportName() + "]: " + tried + " scenarios tried, " + passed.get() + " passed");
    }

    private String transportName() {
        try (HttpPort p = newPort()) {
            return p.name();
        }
    }

    @TestFactory
    Stream<DynamicTest> faultScenarios() {
        List<FaultScenario> all = FaultScenarios.all();
        tried = all.size();
        assertTrue(all.size() >= 30, "the issue asks for at least 30 scenarios");
        return all.stream().map(s -> dynamicTest(s.name, () -> {
            run(s);
            passed.incrementAndGet();
        }));
    }

    private void run(FaultScenario s) {
        upstox.reset();
        s.given.accept(upstox);
        FailedStep listener = new FailedStep();
        TimeoutAndCount port = new TimeoutAndCount(newPort(), s.timeout);
        try (UpstoxTotp client = UpstoxTotp.builder()
                .config(upstox.config())
                .http(port)
                .json(JSON)
                .clock(ScriptedUpstox.CLOCK)
                .resiliencePolicy(POLICY)
                .loginListener(listener)
                .build()) {
            Throwable thrown = null;
            AccessToken token = null;
            try {
                token = client.tokenService().accessToken();
            } catch (Throwable t) {
                thrown = t;
            }
            if (s.succeeds()) {
                if (thrown != null) {
                    throw new AssertionError("expected a login, got " + thrown, thrown);
                }
                assertEquals(ScriptedUpstox.ACCESS_TOKEN, token.value());
                assertNoSecret(List.of(token.toString(), client.toString(), client.config().toString(),
                        client.lastTokenData().orElseThrow().toString()));
            } else {
                checkFailure(s, thrown, listener);
            }
            assertEquals(s.requests, upstox.requestsByPath(), "requests per path");
            if (s.clientAttempts != null) {
                assertEquals(s.clientAttempts, port.attempts(), "exchanges the client attempted");
            }
            if (s.guarded) {
                Map<String, Integer> before = upstox.requestsByPath();
                Throwable again = null;
                try {
                    client.tokenService().accessToken();
                } catch (Throwable t) {
                    again = t;
                }
                assertSame(thrown, again, "a rejected credential is reported again, as it was");
                assertEquals(before, upstox.requestsByPath(), "nothing is sent after Upstox rejected a credential");
            }
        } finally {
            port.close();
        }
    }

    private static void checkFailure(FaultScenario s, Throwable thrown, FailedStep listener) {
        if (thrown == null) {
            fail("expected " + s.type.getSimpleName() + ", but the login succeeded");
        }
        if (!s.type.isInstance(thrown)) {
            throw new AssertionError("expected " + s.type.getSimpleName() + ", got " + thrown, thrown);
        }
        assertEquals(s.step, listener.step, "the step the login machine reported failed");
        if (thrown instanceof UpstoxApiException api) {
            assertEquals(s.step, api.step(), "the exception's step");
        }
        if (thrown instanceof ProtocolException p) {
            assertEquals(s.step, p.step(), "the exception's step");
            if (s.field != null) {
                assertEquals(s.field, p.field().orElse(null), "the field named");
            }
        }
        String message = thrown.getMessage();
        assertNotNull(message);
        for (String part : s.messageParts) {
            assertTrue(message.contains(part), "message should contain '" + part + "': " + message);
        }
        if (thrown instanceof UpstoxTotpException && !(thrown instanceof io.github.upstoxtotp.port.TransportException)) {
            assertTrue(message.contains(s.step.label()), "message names the step: " + message);
        }
        if (s.tip != null) {
            UpstoxApiException api = assertInstanceOf(UpstoxApiException.class, thrown);
            assertTrue(api.tip().orElse("").contains(s.tip), "tip: " + api.tip());
            assertTrue(message.contains("Tip: "), "the message carries the tip: " + message);
        }
        s.then.accept(thrown);
        List<String> texts = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        assertNoSecret(texts);
    }

    static void assertNoSecret(List<String> texts) {
        for (String text : texts) {
            for (String secret : ScriptedUpstox.secrets()) {
                assertFalse(text.contains(secret), () -> "a secret leaked into: " + text);
            }
        }
    }

    /** Remembers the step the machine reported failed. */
    private static final class FailedStep implements LoginListener {
        volatile LoginStep step;

        @Override
        public void stepFailed(LoginStep failed, UpstoxTotpException failure) {
            step = failed;
        }
    }
}
