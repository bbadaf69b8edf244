package io.github.upstoxtotp.examples.reliability;

import io.github.upstoxtotp.examples.reliability.ScriptedUpstox.Endpoint;
import io.github.upstoxtotp.error.LoginStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One injected fault: how the correct script is changed, and everything the client must do
 * about it — the exception type, the step it names, words of its message, the tip, and the exact
 * number of requests each path received. Built fluently; read by {@link LoginFaultSuite}.
 */
final class FaultScenario {
    /** The request timeout the transports get unless a scenario shortens it. */
    static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(10);

    final String name;
    Consumer<ScriptedUpstox> given = s -> { };
    Class<? extends Throwable> type;
    LoginStep step;
    final List<String> messageParts = new ArrayList<>();
    String tip;
    String field;
    final Map<String, Integer> requests = new TreeMap<>();
    Integer clientAttempts;
    boolean guarded;
    Duration timeout = NORMAL_TIMEOUT;
    Consumer<Throwable> then = e -> { };

    private FaultScenario(String name) {
        this.name = name;
    }

    static FaultScenario scenario(String name) {
        return new FaultScenario(name);
    }

    FaultScenario given(Consumer<ScriptedUpstox> setup) {
        this.given = Objects.requireNonNull(setup);
        return this;
    }

    /** The login fails with {@code type}, and the failed step is {@code step}. */
    FaultScenario fails(Class<? extends Throwable> type, LoginStep step) {
        this.type = type;
        this.step = step;
        return this;
    }

    /** The message contains each part (case-sensitive). */
    FaultScenario message(String... parts) {
        messageParts.addAll(List.of(parts));
        return this;
    }

    /** The {@code UpstoxApiException}'s tip contains this, and so does its message. */
    FaultScenario tip(String part) {
        this.tip = part;
        return this;
    }

    /** The {@code ProtocolException} names this field. */
    FaultScenario field(String name) {
        this.field = name;
        return this;
    }

    /**
     * Every step before {@code at}'s was requested once, {@code at} exactly {@code times}, nothing
     * after it (the dialog's second hop counts as a step of its own).
     */
    FaultScenario sent(Endpoint at, int times) {
        for (Endpoint e : Endpoint.values()) {
            if (e.ordinal() < at.ordinal()) {
                requests.put(e.path, 1);
            }
        }
        if (times > 0) {
            requests.put(at.path, times);
        }
        return this;
    }

    /** Also {@code times} requests to a path of the scenario's own. */
    FaultScenario alsoSent(String path, int times) {
        requests.put(path, times);
        return this;
    }

    /** The client attempted this many exchanges in all, including those that never reached a server. */
    FaultScenario clientAttempts(int n) {
        this.clientAttempts = n;
        return this;
    }

    /** Upstox rejected a credential: a second {@code accessToken()} must send nothing at all. */
    FaultScenario guarded() {
        this.guarded = true;
        return this;
    }

    FaultScenario timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /** Further checks on what was thrown. */
    FaultScenario then(Consumer<Throwable> check) {
        this.then = check;
        return this;
    }

    boolean succeeds() {
        return type == null;
    }

    @Override
    public String toString() {
        return name;
    }
}
