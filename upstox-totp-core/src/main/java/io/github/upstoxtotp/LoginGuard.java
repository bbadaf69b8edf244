package io.github.upstoxtotp;

import io.github.upstoxtotp.error.LoginRefusedException;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.token.ScheduledRefresher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stops the client from logging in again when doing so could harm the account. Without it, an
 * application that calls {@code accessToken()} in a retry loop would re-send a wrong PIN until
 * the account locks, or request OTPs until OTP generation is blocked for 10 minutes.
 * <ul>
 *   <li><b>Latched</b> until {@link UpstoxTotp#resetSession()} (the user saying "I fixed it"):
 *       a credential rejection ({@link ScheduledRefresher#isCredentialRejection}: wrong PIN,
 *       wrong TOTP, OTP generation blocked), and an answer of the other login-protocol variant
 *       (a configuration error that no retry can fix). The same exception is thrown again
 *       without touching the network.</li>
 *   <li><b>Budget:</b> after {@value #MAX_FAILURES} failed logins of any kind within
 *       {@link #WINDOW}, further logins are refused with {@link LoginRefusedException} until the
 *       oldest failure leaves the window (or {@code resetSession()}); each login asks for an OTP,
 *       and a few OTP requests in a short time block OTP generation.</li>
 * </ul>
 * Thread-safe.
 */
final class LoginGuard {
    static final int MAX_FAILURES = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private RuntimeException latched;

    LoginGuard(Clock clock) {
        this.clock = clock;
    }

    synchronized void check() {
        if (latched != null) {
            throw latched;
        }
        Instant now = clock.instant();
        while (!failures.isEmpty() && !failures.peekFirst().plus(WINDOW).isAfter(now)) {
            failures.removeFirst();
        }
        if (failures.size() >= MAX_FAILURES) {
            Instant retryAt = failures.peekFirst().plus(WINDOW);
            throw new LoginRefusedException(failures.size() + " logins failed in the last " + WINDOW.toMinutes()
                    + " minutes; not trying again before " + retryAt + " so that OTP generation is not blocked"
                    + " (each login requests an OTP). Fix the cause, then call resetSession() to try at once.",
                    retryAt, null);
        }
    }

    synchronized void record(RuntimeException e) {
        if (mustNotRepeat(e)) {
            latched = e;
        }
        failures.addLast(clock.instant());
    }

    synchronized void clear() {
        latched = null;
        failures.clear();
    }

    /** True for failures that a repeated login would only make worse. */
    static boolean mustNotRepeat(Throwable e) {
        if (ScheduledRefresher.isCredentialRejection(e)) {
            return true;
        }
        // ProtocolMismatch's advice names the setting: the other variant answered, so every retry
        // would request another OTP and fail the same way.
        return e instanceof ProtocolException && String.valueOf(e.getMessage()).contains("UPSTOX_LOGIN_PROTOCOL");
    }
}
