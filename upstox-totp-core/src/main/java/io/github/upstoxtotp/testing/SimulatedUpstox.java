package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.TransportException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory simulated Upstox login service that <em>is</em> an {@link HttpPort}: swap it in
 * for a real transport and the whole six-step login (dialog, OTP, TOTP, PIN, OAuth, token)
 * runs without a network, against the wire format of {@code PROTOCOL.md}.
 *
 * <p>It checks what the real service checks: the app's client id, redirect URI and secret; the
 * session cookie and the browser-like headers ({@code content-type: application/json}, an
 * {@code x-request-id} of the form {@code WPRO-} + 10 letters/digits) on login-service calls;
 * the mobile number and the pre-login user id; the TOTP (current 30 s step ±1); the PIN,
 * base64-encoded exactly once. It counts wrong TOTPs per OTP ("N attempts left"), locks an
 * account after 5 wrong PINs, blocks OTP generation for 10 minutes after more than 5 requests
 * in 10 minutes, makes authorization codes single-use, and issues JWT-shaped access tokens
 * whose {@code exp} is the next 03:30 Asia/Kolkata. Every answer uses the real envelopes;
 * hostile input (malformed JSON, wrong types, bodies over 64 KiB, broken encodings, unknown
 * paths) gets a 4xx envelope, never an exception.
 *
 * <h2>Using the simulator in your tests</h2>
 * <pre>{@code
 * JsonPort json = new JacksonJsonPort();
 * SimulatedUpstox upstox = SimulatedUpstox.builder(json)
 *         .clock(clock)                          // optional: a fixed or test clock
 *         .account(SimulatedAccount.DEMO)        // optional: DEMO is the default
 *         .build();
 * UpstoxTotpConfig config = UpstoxTotpConfig.builder()
 *         .username("9999999999").pinCode("123456").totpSecret("JBSWY3DPEHPK3PXP")
 *         .clientId("sandbox-client").clientSecret("sandbox-secret")
 *         .redirectUri("http://127.0.0.1/callback")
 *         .sleepTime(Duration.ZERO)              // no pacing needed in memory
 *         .build();
 * try (UpstoxTotp client = UpstoxTotp.builder().config(config)
 *         .http(upstox)                          // the simulator instead of OkHttp/Apache
 *         .json(json)
 *         .build()) {
 *     String token = client.tokenService().accessToken().value();   // a full login, in memory
 *     assertTrue(upstox.isValidAccessToken(token));
 *     assertEquals(1, upstox.requestCount(SimulatorEndpoint.PIN_2FA));
 * }
 * }</pre>
 * The demo credentials are those of {@link SimulatedAccount#DEMO}. The simulator answers
 * requests addressed to its API and service bases ({@code https://api.upstox.com} and
 * {@code https://service.upstox.com} unless configured), so the client needs no base URL
 * settings; a sandbox serving it over HTTP configures the bases it listens on.
 *
 * <h2>Protocol variants</h2>
 * {@code builder(json).protocol(LoginProtocol.V2026)} serves the 2026 variant: TOTP verify at
 * v5 answering {@code accounts[]}, PIN at v4 requiring the numeric {@code profileId} in the body
 * and matching {@code X-Profile-Id}/{@code X-User-Id} headers ({@code countryIsdCode} in OTP
 * generation is accepted by both variants, required by neither). The other variant's paths
 * get 404; {@link #configFor} sets the matching {@code UPSTOX_LOGIN_PROTOCOL}.
 *
 * <h2>Knobs</h2>
 * {@link #requestCount}, {@link #requests()} (a log without bodies or credentials),
 * {@link #failNext} and {@link #failNextWith} (injected failures), {@link #expireCodes()},
 * {@link #lockAccount}/{@link #unlockAccount}, {@link #reset()}; limits and lifetimes on the
 * {@link SimulatedUpstoxBuilder}.
 *
 * <p>Thread-safe: each step runs under one lock, so concurrent logins (separate sessions)
 * interleave safely. Nothing secret is logged.
 */
public final class SimulatedUpstox implements HttpPort {
    /** The default API base. */
    public static final String DEFAULT_API_BASE_URL = "https://api.upstox.com";
    /** The default login-service base. */
    public static final String DEFAULT_SERVICE_BASE_URL = "https://service.upstox.com";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedUpstox.class);

    private final SimulatorState state;
    private final Dispatcher dispatcher;
    private final Envelopes env;
    private final Map<SimulatorEndpoint, AtomicLong> counts = new EnumMap<>(SimulatorEndpoint.class);
    private final Map<SimulatorEndpoint, Queue<Object>> faults = new EnumMap<>(SimulatorEndpoint.class);
    private final ArrayDeque<SimulatedRequest> log = new ArrayDeque<>();

    SimulatedUpstox(JsonPort json, SimulatorState state) {
        this.state = state;
        this.env = new Envelopes(json, state.config.errorsAsHttp200());
        this.dispatcher = new Dispatcher(state, env, json);
        for (SimulatorEndpoint e : SimulatorEndpoint.values()) {
            counts.put(e, new AtomicLong());
            faults.put(e, new ConcurrentLinkedQueue<>());
        }
    }

    /** A builder; {@code json} parses request bodies and writes responses. */
    public static SimulatedUpstoxBuilder builder(JsonPort json) {
        return new SimulatedUpstoxBuilder(json);
    }

    /**
     * A config builder that logs {@code account} in against this simulator: its credentials,
     * the simulator's bases, no pacing ({@code sleepTime} 0), and the {@code UPSTOX_LOGIN_PROTOCOL}
     * of the protocol it serves when that is a known one (for a custom table, pass it to the
     * client's {@code protocol(...)} instead). Adjust and {@code build()}.
     */
    public io.github.upstoxtotp.config.UpstoxTotpConfig.Builder configFor(SimulatedAccount account) {
        String protocolName = LoginProtocol.find(protocol().name()).filter(protocol()::equals)
                .map(LoginProtocol::name).orElse(null);
        return io.github.upstoxtotp.config.UpstoxTotpConfig.builder()
                .loginProtocol(protocolName)
                .username(account.mobileNumber())
                .pinCode(account.pin())
                .totpSecret(account.totpSecret())
                .clientId(account.clientId())
                .clientSecret(account.clientSecret())
                .redirectUri(account.redirectUri())
                .apiBaseUrl(apiBaseUrl().toString())
                .serviceBaseUrl(serviceBaseUrl().toString())
                .sleepTime(java.time.Duration.ZERO);
    }

    /** A simulator with every default: the {@link SimulatedAccount#DEMO} account, the system clock, the real hosts. */
    public static SimulatedUpstox create(JsonPort json) {
        return builder(json).build();
    }

    /**
     * Answers one request as the simulated service would.
     *
     * @throws TransportException only when injected with {@link #failNextWith}
     */
    @Override
    public HttpResponse execute(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        Instant now = state.config.clock().instant();
        Dispatcher.Route route = dispatcher.route(request.uri());
        SimulatorEndpoint endpoint = route.endpoint();
        Object fault = faults.get(endpoint).poll();
        if (fault instanceof TransportException && ((TransportException) fault).neverReachedServer()) {
            record(now, endpoint, request, 0, null, true); // never reached the server: not counted
            throw (TransportException) fault;
        }
        counts.get(endpoint).incrementAndGet();
        if (fault instanceof HttpResponse) {
            record(now, endpoint, request, ((HttpResponse) fault).status(), null, true);
            return (HttpResponse) fault;
        }
        SimReply reply;
        try {
            reply = dispatcher.dispatch(route, request, now);
        } catch (RuntimeException e) {
            // a simulator bug, never the caller's input; say which step without any request detail
            LOG.warn("simulator failed on {}: {}", endpoint, e.getClass().getName());
            reply = env.apiError(500, Envelopes.SOMETHING_WRONG, "Something went wrong", null);
        }
        LOG.debug("simulator {} {} -> {}", endpoint, request.method(), reply.response().status());
        if (fault != null) {
            // TIMEOUT / IO: the server acted, then the answer was lost on the way back
            record(now, endpoint, request, 0, reply.errorCode(), true);
            throw (TransportException) fault;
        }
        record(now, endpoint, request, reply.response().status(), reply.errorCode(), false);
        return reply.response();
    }

    @Override
    public String name() {
        return "simulator";
    }

    /** Requests to this endpoint that reached the simulated server (injected responses included; injected connect failures not). */
    public long requestCount(SimulatorEndpoint endpoint) {
        return counts.get(Objects.requireNonNull(endpoint, "endpoint")).get();
    }

    /** Requests that reached the simulated server, all endpoints together. */
    public long totalRequestCount() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The request log, oldest first: every call of {@link #execute}, without bodies, queries or credentials. */
    public List<SimulatedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The logged requests to one endpoint, oldest first. */
    public List<SimulatedRequest> requests(SimulatorEndpoint endpoint) {
        List<SimulatedRequest> out = new ArrayList<>();
        for (SimulatedRequest r : requests()) {
            if (r.endpoint() == endpoint) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The next request to {@code endpoint} gets {@code response} instead of being handled (the
     * server's state does not change). Calls queue up: two calls fail the next two requests.
     */
    public void failNext(SimulatorEndpoint endpoint, HttpResponse response) {
        faults.get(Objects.requireNonNull(endpoint, "endpoint")).add(Objects.requireNonNull(response, "response"));
    }

    /**
     * The next request to {@code endpoint} throws {@code failure}. A {@link TransportException.Kind#CONNECT}
     * failure means the request never arrived: nothing changes and nothing is counted. A
     * {@code TIMEOUT} or {@code IO} failure means the server handled the request (a PIN is
     * checked, a code is spent) and the answer was lost, which is what makes re-sending unsafe.
     */
    public void failNextWith(SimulatorEndpoint endpoint, TransportException failure) {
        faults.get(Objects.requireNonNull(endpoint, "endpoint")).add(Objects.requireNonNull(failure, "failure"));
    }

    /** Makes every outstanding {@code validateOTPToken} and authorization code expire now. */
    public void expireCodes() {
        synchronized (state) {
            state.expireCodes();
        }
    }

    /** Locks the account as 5 wrong PINs would: every PIN is refused until {@link #unlockAccount} or {@link #reset()}. */
    public void lockAccount(String mobileNumber) {
        synchronized (state) {
            accountState(mobileNumber).locked = true;
        }
    }

    /** Unlocks the account and forgets its wrong PINs. */
    public void unlockAccount(String mobileNumber) {
        synchronized (state) {
            AccountState a = accountState(mobileNumber);
            a.locked = false;
            a.wrongPins = 0;
        }
    }

    /** Whether the account is locked (5 wrong PINs, or {@link #lockAccount}). */
    public boolean isLocked(String mobileNumber) {
        synchronized (state) {
            return accountState(mobileNumber).locked;
        }
    }

    /** Wrong PINs in a row so far (reset by a right one). */
    public int wrongPinCount(String mobileNumber) {
        synchronized (state) {
            return accountState(mobileNumber).wrongPins;
        }
    }

    /** Whether OTP generation is blocked for this mobile number right now. */
    public boolean isOtpBlocked(String mobileNumber) {
        synchronized (state) {
            return accountState(mobileNumber).otpBlocked(state.config.clock().instant());
        }
    }

    /** True when {@code token} was issued by this simulator, its signature holds and its {@code exp} is still ahead. */
    public boolean isValidAccessToken(String token) {
        return state.jwt.isValid(token, state.config.clock().instant());
    }

    /** The claims of a token this simulator signed ({@code sub}, {@code iat}, {@code exp}, ...), expired or not. */
    public Optional<JsonObject> accessTokenClaims(String token) {
        return state.jwt.claims(token);
    }

    /**
     * Forgets sessions, codes, wrong PINs, locks, OTP blocks, counters, the request log and
     * pending injected failures. Accounts and settings stay; issued tokens stay valid.
     */
    public void reset() {
        synchronized (state) {
            state.reset();
        }
        faults.values().forEach(Queue::clear);
        counts.values().forEach(c -> c.set(0));
        synchronized (log) {
            log.clear();
        }
    }

    /** The accounts this simulator knows. */
    public List<SimulatedAccount> accounts() {
        List<SimulatedAccount> out = new ArrayList<>();
        state.accounts().forEach(a -> out.add(a.account));
        return List.copyOf(out);
    }

    /** The API base this simulator answers on (no trailing slash). */
    public URI apiBaseUrl() {
        return state.config.apiBase();
    }

    /** The login-service base this simulator answers on (no trailing slash). */
    public URI serviceBaseUrl() {
        return state.config.serviceBase();
    }

    /** The endpoint table it serves. */
    public LoginProtocol protocol() {
        return state.config.protocol();
    }

    /** The clock it judges time by. */
    public Clock clock() {
        return state.config.clock();
    }

    private AccountState accountState(String mobileNumber) {
        AccountState a = state.account(mobileNumber);
        if (a == null) {
            throw new IllegalArgumentException("no simulated account has that mobile number");
        }
        return a;
    }

    private void record(Instant at, SimulatorEndpoint endpoint, HttpRequest request, int status, String errorCode, boolean injected) {
        String path = request.uri().getRawPath() == null ? "" : request.uri().getRawPath();
        SimulatedRequest entry = new SimulatedRequest(at, endpoint, request.method(), path,
                SimulatedRequest.masked(request.headers()), request.bodyLength(), status, errorCode, injected);
        synchronized (log) {
            log.addLast(entry);
            while (log.size() > state.config.requestLogLimit()) {
                log.removeFirst();
            }
        }
    }
}
