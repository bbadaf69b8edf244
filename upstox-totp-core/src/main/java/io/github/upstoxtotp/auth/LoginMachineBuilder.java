package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;

import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings for a {@link LoginMachine}: the transport and the codec are required, the rest has
 * defaults. Not thread-safe.
 */
public final class LoginMachineBuilder {
    /** Default {@link #totpGuardSeconds(int)}. */
    public static final int DEFAULT_TOTP_GUARD_SECONDS = 3;
    private static final Pattern REQUEST_ID = Pattern.compile("WPRO-[A-Za-z0-9]{10}");

    final UpstoxTotpConfig config;
    StepTransport transport;
    JsonPort json;
    LoginProtocol protocol;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.system();
    LoginListener listener = LoginListener.NONE;
    int totpGuardSeconds = DEFAULT_TOTP_GUARD_SECONDS;
    boolean refreshExtendedToken;
    String requestId;

    LoginMachineBuilder(UpstoxTotpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** How requests are sent (pacing and retry plug in here). Required, or {@link #http(HttpPort)}. */
    public LoginMachineBuilder transport(StepTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /** Sends every request once through {@code port}: {@link StepTransport#direct(HttpPort)}. */
    public LoginMachineBuilder http(HttpPort port) {
        return transport(StepTransport.direct(Objects.requireNonNull(port, "port")));
    }

    /** The codec for request and response bodies. Required. */
    public LoginMachineBuilder json(JsonPort json) {
        this.json = Objects.requireNonNull(json, "json");
        return this;
    }

    /**
     * The endpoint table; unless set, the config's {@code UPSTOX_LOGIN_PROTOCOL}
     * ({@link LoginProtocol#SEED} by default), mapped by {@link LoginProtocol#byName(String)}.
     */
    public LoginMachineBuilder protocol(LoginProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        return this;
    }

    /** The clock TOTP codes are computed from; the system clock unless set. */
    public LoginMachineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** How the TOTP guard waits; {@link Sleeper#system()} unless set. */
    public LoginMachineBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /** Hears step progress; none unless set. */
    public LoginMachineBuilder listener(LoginListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * When fewer than this many whole seconds are left in the TOTP window, wait for the next
     * window before sending the code; 0 never waits. 0 to 29; default 3.
     */
    public LoginMachineBuilder totpGuardSeconds(int seconds) {
        if (seconds < 0 || seconds > 29) {
            throw new IllegalArgumentException("totpGuardSeconds must be 0 to 29, was " + seconds);
        }
        this.totpGuardSeconds = seconds;
        return this;
    }

    /**
     * The {@code x-request-id} to use (the client's, so it stays the same for the client's life);
     * a fresh one from {@link LoginMachine#newRequestId()} unless set.
     */
    public LoginMachineBuilder requestId(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("a request id is WPRO- followed by 10 letters or digits");
        }
        this.requestId = requestId;
        return this;
    }

    /**
     * Whether the token exchange asks Upstox for a new extended token
     * ({@code refresh_extended_token=true}), replacing the app's current one; off unless set.
     */
    public LoginMachineBuilder refreshExtendedToken(boolean refresh) {
        this.refreshExtendedToken = refresh;
        return this;
    }

    /**
     * The machine, in {@link LoginState.Start}.
     *
     * @throws IllegalStateException if the transport or the codec is missing
     * @throws IllegalArgumentException if the TOTP secret is not Base32
     */
    public LoginMachine build() {
        if (transport == null || json == null) {
            throw new IllegalStateException("a LoginMachine needs a transport (or http port) and a json port");
        }
        return new LoginMachine(this);
    }
}
