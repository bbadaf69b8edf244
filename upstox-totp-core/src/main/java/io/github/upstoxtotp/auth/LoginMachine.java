package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.model.ApiResponse;
import io.github.upstoxtotp.model.JsonExportable;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.OAuthAuthorization;
import io.github.upstoxtotp.model.OtpGeneration;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.TwoFactorAuthentication;
import io.github.upstoxtotp.model.UserIdAndUserType;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.totp.TotpGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One account's headless login: the six steps of {@link LoginStep}, run in order, each at most
 * once per session.
 *
 * <p>Each step method advances the login up to that step, running only the steps not yet done,
 * and returns that step's result; a step already done returns its cached result without any
 * network call. {@link #accessToken()} runs whatever remains.
 *
 * <p>A failure moves the machine to {@link LoginState.Failed} and is thrown; every later call
 * throws the same exception again, without sending anything, until {@link #reset()}. So a
 * rejected PIN is never re-sent on its own: five wrong PINs lock the account.
 *
 * <p>The machine keeps the session: its cookies (a JDK {@code CookieManager}), the redirects
 * of step 1, and one {@code x-request-id} for its whole life. Before step 3 builds its request,
 * if fewer than the guard's seconds (default 3) remain in the TOTP window, it sleeps into the
 * next window rather than send a code about to expire.
 *
 * <p>The {@link LoginProtocol} decides paths and the shapes that differ between variants; an
 * answer that fits another known variant better fails with a {@link ProtocolException} that
 * names the step, the field and the {@code UPSTOX_LOGIN_PROTOCOL} value to try.
 *
 * <p>Thread-safe: every method is synchronized, so one login runs at a time. Nothing secret is
 * logged (steps, statuses, sizes and durations only).
 *
 * @see LoginMachineBuilder
 */
public final class LoginMachine {
    private static final Logger LOG = LoggerFactory.getLogger(LoginMachine.class);

    private final StepTransport transport;
    private final java.time.Clock clock;
    private final Sleeper sleeper;
    private final LoginListener listener;
    private final int totpGuardSeconds;
    private final String requestId;
    private final TotpGenerator totp;
    private final Redactor redactor;
    private final ResponseDecoder decoder;
    private final StepContext context;
    private final SessionCookies cookies = new SessionCookies();

    private final AuthorizationDialogStep dialogStep = new AuthorizationDialogStep();
    private final OtpGenerateStep otpGenerateStep = new OtpGenerateStep();
    private final TotpVerifyStep totpVerifyStep = new TotpVerifyStep();
    private final PinStep pinStep = new PinStep();
    private final OAuthAuthorizeStep oauthStep = new OAuthAuthorizeStep();
    private final TokenExchangeStep tokenStep;

    private final Map<LoginStep, ApiResponse<?>> results = new EnumMap<>(LoginStep.class);
    private LoginState state = new LoginState.Start();

    LoginMachine(LoginMachineBuilder b) {
        UpstoxTotpConfig config = b.config;
        this.transport = b.transport;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.listener = b.listener;
        this.totpGuardSeconds = b.totpGuardSeconds;
        this.tokenStep = new TokenExchangeStep(b.refreshExtendedToken);
        this.requestId = b.requestId != null ? b.requestId : Wire.newRequestId();
        this.totp = config.totpGenerator();
        this.redactor = new Redactor(config.pinCode(), config.clientSecret(), config.totpSecret());
        this.decoder = new ResponseDecoder(b.json, redactor);
        LoginProtocol protocol = b.protocol != null ? b.protocol : LoginProtocol.byName(config.loginProtocol());
        this.context = new StepContext(config, protocol, requestId, b.json, this::currentTotp);
    }

    /** A builder for a machine logging in with {@code config}. */
    public static LoginMachineBuilder builder(UpstoxTotpConfig config) {
        return new LoginMachineBuilder(config);
    }

    /** A fresh request id of the form {@code WPRO-} + 10 letters and digits (SecureRandom). */
    public static String newRequestId() {
        return Wire.newRequestId();
    }

    /** Step 1: the user id and type named by the authorization dialog's redirects. */
    public synchronized ApiResponse<UserIdAndUserType> userIdAndUserType() {
        return advanceTo(LoginStep.AUTHORIZATION_DIALOG);
    }

    /** Steps 1–2: the OTP generation (its {@code validateOtpToken} is a secret). */
    public synchronized ApiResponse<OtpGeneration> generateOtp() {
        return advanceTo(LoginStep.OTP_GENERATE);
    }

    /** Steps 1–3: the TOTP verification. */
    public synchronized ApiResponse<OtpValidation> validateOtp() {
        return advanceTo(LoginStep.TOTP_VERIFY);
    }

    /** Steps 1–4: the PIN, sent once; rejected, it is never sent again by this session. */
    public synchronized ApiResponse<TwoFactorAuthentication> submitPin() {
        return advanceTo(LoginStep.PIN_2FA);
    }

    /** Steps 1–5: the OAuth approval and its authorization code. */
    public synchronized ApiResponse<OAuthAuthorization> oauthAuthorization() {
        return advanceTo(LoginStep.OAUTH_AUTHORIZE);
    }

    /**
     * Every remaining step: the access token.
     *
     * @throws io.github.upstoxtotp.error.UpstoxApiException if Upstox answered with an error
     * @throws ProtocolException if an answer did not have the promised shape
     * @throws io.github.upstoxtotp.port.TransportException if no answer could be had
     */
    public synchronized ApiResponse<AccessTokenData> accessToken() {
        return advanceTo(LoginStep.TOKEN_EXCHANGE);
    }

    /** Where the login stands. */
    public synchronized LoginState state() {
        return state;
    }

    /** Back to {@link LoginState.Start}: forgets results, cookies and the failure. The request id stays. */
    public synchronized void reset() {
        state = new LoginState.Start();
        results.clear();
        cookies.clear();
        redactor.forgetSession();
        LOG.debug("login session reset");
    }

    /** The {@code x-request-id} sent with every login-service request of this machine's life. */
    public String requestId() {
        return requestId;
    }

    @SuppressWarnings("unchecked") // results maps each step to its own result type; see run()
    private <T extends JsonExportable> ApiResponse<T> advanceTo(LoginStep target) {
        while (true) {
            if (state instanceof LoginState.Failed f) {
                throw f.cause();
            }
            ApiResponse<?> done = results.get(target);
            if (done != null) {
                return (ApiResponse<T>) done;
            }
            runNextStep();
        }
    }

    private void runNextStep() {
        LoginState s = state;
        if (s instanceof LoginState.Start start) {
            run(LoginStep.AUTHORIZATION_DIALOG, () -> dialogStep.run(start, context, this::exchange, decoder),
                    LoginState.DialogResolved::user);
        } else if (s instanceof LoginState.DialogResolved d) {
            run(otpGenerateStep, d, LoginState.OtpIssued::otp);
        } else if (s instanceof LoginState.OtpIssued o) {
            run(totpVerifyStep, o, LoginState.OtpVerified::validation);
        } else if (s instanceof LoginState.OtpVerified v) {
            run(pinStep, v, LoginState.PinAccepted::twoFactor);
        } else if (s instanceof LoginState.PinAccepted p) {
            run(oauthStep, p, LoginState.Authorized::authorization);
        } else if (s instanceof LoginState.Authorized a) {
            run(tokenStep, a, LoginState.TokenIssued::token);
        } else {
            throw new IllegalStateException("no step follows " + s.getClass().getSimpleName());
        }
    }

    private <S extends LoginState, N extends LoginState> void run(Step<S, N> step, S from, Function<N, ? extends JsonExportable> result) {
        run(step.id(), () -> {
            HttpResponse response = exchange(step.id(), () -> step.request(from, context), step.usesSession());
            ProtocolMismatch.checkEndpointExists(step.id(), context.protocol(), response);
            return step.next(from, context, response, decoder.decode(step.id(), response));
        }, result);
    }

    private <N extends LoginState> void run(LoginStep id, Supplier<N> action, Function<N, ? extends JsonExportable> result) {
        notifyListener(() -> listener.stepStarted(id));
        // guarded: the arguments (LoginStep.count() clones values(), numbers are boxed) cost on every step otherwise
        if (LOG.isDebugEnabled()) {
            LOG.debug("step {}/{} ({}) started", id.number(), LoginStep.count(), id.label());
        }
        long started = System.nanoTime();
        UpstoxTotpException failure;
        try {
            N next = action.get();
            ApiResponse<?> response = ApiResponse.ok(result.apply(next));
            learnSecrets(next);
            results.put(id, response);
            state = next;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (LOG.isDebugEnabled()) {
                LOG.debug("step {}/{} ({}) succeeded in {} ms", id.number(), LoginStep.count(), id.label(), elapsed.toMillis());
            }
            notifyListener(() -> listener.stepSucceeded(id, elapsed));
            return;
        } catch (UpstoxTotpException e) {
            failure = e;
        } catch (RuntimeException e) {
            // a bug or a broken port; the class name only, the message might hold a value
            failure = new ProtocolException(id, null, "unexpected " + e.getClass().getName(), e);
        }
        state = new LoginState.Failed(id, failure);
        LOG.debug("step {}/{} ({}) failed: {}", id.number(), LoginStep.count(), id.label(), failure.getClass().getSimpleName());
        UpstoxTotpException thrown = failure;
        notifyListener(() -> listener.stepFailed(id, thrown));
        throw failure;
    }

    private void learnSecrets(LoginState next) {
        if (next instanceof LoginState.OtpIssued o) {
            redactor.learn(o.otp().validateOtpToken());
        } else if (next instanceof LoginState.Authorized a) {
            redactor.learn(a.authorization().code());
        } else if (next instanceof LoginState.TokenIssued t) {
            redactor.learn(t.token().accessToken());
            redactor.learn(t.token().extendedToken());
        }
    }

    /** Sends through the transport; cookies added to (session requests) and taken from (all) the exchange. */
    private HttpResponse exchange(LoginStep step, Supplier<HttpRequest> request, boolean session) {
        AtomicReference<URI> sentTo = new AtomicReference<>();
        HttpResponse response = transport.send(step, () -> {
            HttpRequest built = request.get();
            sentTo.set(built.uri());
            return session ? cookies.addTo(built) : built;
        });
        URI uri = sentTo.get();
        if (uri != null) {
            cookies.store(uri, response);
        }
        if (LOG.isTraceEnabled()) { // guarded: boxing the status and the length costs on every exchange otherwise
            LOG.trace("{}: HTTP {}, {} bytes", step.label(), response.status(), response.bodyLength());
        }
        return response;
    }

    /** The TOTP for now, or for the next window when this one ends within the guard. */
    private String currentTotp() {
        Instant now = clock.instant();
        int left = totp.secondsLeft(now);
        if (left < totpGuardSeconds) {
            Instant nextWindow = totp.windowStart(now).plus(totp.step());
            Duration wait = Duration.between(now, nextWindow);
            LOG.debug("TOTP window ends in {} s; waiting {} ms for the next one", left, wait.toMillis());
            sleeper.sleep(wait);
            Instant after = clock.instant();
            now = after.isBefore(nextWindow) ? nextWindow : after;
        }
        String code = totp.generate(now);
        redactor.learn(code);
        return code;
    }

    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a LoginListener threw {}; ignored", e.getClass().getName());
        }
    }
}
