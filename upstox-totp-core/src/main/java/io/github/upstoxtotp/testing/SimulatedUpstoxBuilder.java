package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.port.JsonPort;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link SimulatedUpstox}; get one from {@link SimulatedUpstox#builder(JsonPort)}.
 * Every setting has a default faithful to the real service. Not thread-safe.
 */
public final class SimulatedUpstoxBuilder {
    private final JsonPort json;
    private URI apiBase = URI.create(SimulatedUpstox.DEFAULT_API_BASE_URL);
    private URI serviceBase = URI.create(SimulatedUpstox.DEFAULT_SERVICE_BASE_URL);
    private LoginProtocol protocol = LoginProtocol.SEED;
    private Clock clock = Clock.systemUTC();
    private final List<SimulatedAccount> accounts = new ArrayList<>();
    private int otpRequestLimit = 5;
    private Duration otpWindow = Duration.ofMinutes(10);
    private Duration otpBlock = Duration.ofMinutes(10);
    private int maxWrongPins = 5;
    private int totpAttempts = 5;
    private int totpWindowsEitherSide = 1;
    private Duration otpTokenTtl = Duration.ofMinutes(10);
    private Duration codeTtl = Duration.ofMinutes(5);
    private Duration sessionTtl = Duration.ofMinutes(30);
    private int maxSessions = 10_000;
    private int maxBodyBytes = 64 * 1024;
    private int requestLogLimit = 10_000;
    private boolean errorsAsHttp200;

    SimulatedUpstoxBuilder(JsonPort json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The API host: dialog, hop and token exchange. Default {@code https://api.upstox.com}; a path prefix is allowed. */
    public SimulatedUpstoxBuilder apiBaseUrl(String url) {
        apiBase = base(url, "apiBaseUrl");
        return this;
    }

    /** The login-service host: OTP, TOTP, PIN, OAuth. Default {@code https://service.upstox.com}; a path prefix is allowed. */
    public SimulatedUpstoxBuilder serviceBaseUrl(String url) {
        serviceBase = base(url, "serviceBaseUrl");
        return this;
    }

    /** The endpoint table to serve; {@link LoginProtocol#SEED} by default. */
    public SimulatedUpstoxBuilder protocol(LoginProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        return this;
    }

    /** The clock for TOTP windows, OTP limits, expiry and token {@code iat}/{@code exp}. System UTC by default. */
    public SimulatedUpstoxBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Adds an account. Without any, the simulator knows {@link SimulatedAccount#DEMO} only. */
    public SimulatedUpstoxBuilder account(SimulatedAccount account) {
        accounts.add(Objects.requireNonNull(account, "account"));
        return this;
    }

    /** Adds accounts. */
    public SimulatedUpstoxBuilder accounts(Collection<SimulatedAccount> all) {
        all.forEach(this::account);
        return this;
    }

    /** OTP requests allowed per mobile number within the window before generation is blocked; default 5. */
    public SimulatedUpstoxBuilder otpRequestLimit(int limit) {
        otpRequestLimit = positive(limit, "otpRequestLimit");
        return this;
    }

    /** The sliding window OTP requests are counted in; default 10 minutes. */
    public SimulatedUpstoxBuilder otpWindow(Duration window) {
        otpWindow = positive(window, "otpWindow");
        return this;
    }

    /** How long OTP generation stays blocked (1017069); default 10 minutes. */
    public SimulatedUpstoxBuilder otpBlockDuration(Duration block) {
        otpBlock = positive(block, "otpBlockDuration");
        return this;
    }

    /** Wrong PINs in a row that lock the account; default 5. */
    public SimulatedUpstoxBuilder maxWrongPins(int max) {
        maxWrongPins = positive(max, "maxWrongPins");
        return this;
    }

    /** Wrong TOTP codes allowed per OTP token; default 5 (the first wrong one says "4 attempts left"). */
    public SimulatedUpstoxBuilder totpAttempts(int attempts) {
        totpAttempts = positive(attempts, "totpAttempts");
        return this;
    }

    /** Clock skew tolerated, in 30 s steps either side of now; default 1. */
    public SimulatedUpstoxBuilder totpWindowsEitherSide(int windows) {
        if (windows < 0) {
            throw new IllegalArgumentException("totpWindowsEitherSide must be 0 or more");
        }
        totpWindowsEitherSide = windows;
        return this;
    }

    /** How long a {@code validateOTPToken} stays valid; default 10 minutes. */
    public SimulatedUpstoxBuilder otpTokenTtl(Duration ttl) {
        otpTokenTtl = positive(ttl, "otpTokenTtl");
        return this;
    }

    /** How long an authorization code stays valid; default 5 minutes. */
    public SimulatedUpstoxBuilder authorizationCodeTtl(Duration ttl) {
        codeTtl = positive(ttl, "authorizationCodeTtl");
        return this;
    }

    /** How long an idle login session (cookie) lives; default 30 minutes. */
    public SimulatedUpstoxBuilder sessionTtl(Duration ttl) {
        sessionTtl = positive(ttl, "sessionTtl");
        return this;
    }

    /** Most sessions (and outstanding codes) kept; the oldest go first. Default 10,000. */
    public SimulatedUpstoxBuilder maxSessions(int max) {
        maxSessions = positive(max, "maxSessions");
        return this;
    }

    /** Largest request body accepted (larger: 413); default 64 KiB. */
    public SimulatedUpstoxBuilder maxBodyBytes(int max) {
        maxBodyBytes = positive(max, "maxBodyBytes");
        return this;
    }

    /** Entries kept in the request log (oldest dropped); default 10,000. */
    public SimulatedUpstoxBuilder requestLogLimit(int limit) {
        requestLogLimit = positive(limit, "requestLogLimit");
        return this;
    }

    /**
     * Answer error envelopes with HTTP 200 instead of 400/401/403 (both envelopes allow it), to
     * check that a client judges by the envelope, not by the status. Off by default.
     */
    public SimulatedUpstoxBuilder errorsWithHttp200(boolean on) {
        errorsAsHttp200 = on;
        return this;
    }

    /**
     * @throws IllegalArgumentException if accounts clash (same mobile; same client id with a
     *         different secret or redirect URI), or the two bases could not share a cookie
     */
    public SimulatedUpstox build() {
        SimulatorConfig.cookieDomain(apiBase, serviceBase); // fails early when no cookie could reach both hosts
        SimulatorConfig config = new SimulatorConfig(apiBase, serviceBase, protocol, clock, otpRequestLimit, otpWindow,
                otpBlock, maxWrongPins, totpAttempts, totpWindowsEitherSide, otpTokenTtl, codeTtl, sessionTtl, maxSessions,
                maxBodyBytes, requestLogLimit, errorsAsHttp200);
        List<SimulatedAccount> all = accounts.isEmpty() ? List.of(SimulatedAccount.DEMO) : List.copyOf(accounts);
        SecureRandom random = new SecureRandom();
        SimulatorState state = new SimulatorState(config, all, random, new FakeJwt(random, json));
        return new SimulatedUpstox(json, state);
    }

    private static URI base(String url, String name) {
        Objects.requireNonNull(url, name);
        URI u;
        try {
            u = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL", e);
        }
        if (u.getHost() == null || !("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL with a host and no query: " + url);
        }
        return u;
    }

    private static int positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return v;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
