package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.config.Secret;
import io.github.upstoxtotp.totp.TotpGenerator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the simulator remembers about one account across sessions: wrong PINs and the lock,
 * recent OTP requests and the OTP block. Mutable; only touched while the state lock is held.
 */
final class AccountState {
    final SimulatedAccount account;
    final TotpGenerator totp;
    int wrongPins;
    boolean locked;
    /** The extended token last issued (the same one is returned until a refresh is asked for), or null. */
    String extendedToken;
    private final Deque<Instant> otpRequests = new ArrayDeque<>();
    private Instant otpBlockedUntil;

    AccountState(SimulatedAccount account) {
        this.account = account;
        this.totp = TotpGenerator.forBase32Secret(account.totpSecret().toCharArray());
    }

    /**
     * Records an OTP request at {@code now} unless generation is blocked.
     *
     * @return false when blocked (already, or by this request going over {@code limit} within
     *         {@code window}); then nothing is sent and the block lasts {@code block} from the
     *         moment it started
     */
    boolean tryOtpRequest(Instant now, int limit, Duration window, Duration block) {
        if (otpBlockedUntil != null) {
            if (now.isBefore(otpBlockedUntil)) {
                return false;
            }
            otpBlockedUntil = null;
            otpRequests.clear();
        }
        Instant horizon = now.minus(window);
        while (!otpRequests.isEmpty() && !otpRequests.peekFirst().isAfter(horizon)) {
            otpRequests.removeFirst();
        }
        if (otpRequests.size() >= limit) {
            otpBlockedUntil = now.plus(block);
            return false;
        }
        otpRequests.addLast(now);
        return true;
    }

    boolean otpBlocked(Instant now) {
        return otpBlockedUntil != null && now.isBefore(otpBlockedUntil);
    }

    void reset() {
        wrongPins = 0;
        locked = false;
        otpRequests.clear();
        otpBlockedUntil = null;
    }
}
