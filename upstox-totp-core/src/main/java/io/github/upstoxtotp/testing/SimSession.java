package io.github.upstoxtotp.testing;

import java.time.Instant;

/**
 * One login session, keyed by the {@code sim_session} cookie the dialog sets. It records how far
 * the login got, so that each step can insist the previous one succeeded in the same session.
 * Mutable; only touched while the simulator's state lock is held.
 */
final class SimSession {
    final String id;
    final String clientId;
    final String appRedirectUri;
    /** The user id the dialog's redirect carries, which OTP generation must send back. */
    final String preLoginUserId;
    Instant lastSeen;

    /** Set by OTP generation. */
    AccountState account;
    String otpToken;
    Instant otpTokenExpires;
    int totpAttemptsLeft;
    /** Set by TOTP verification. */
    boolean totpVerified;
    /** Set by an accepted PIN. */
    boolean pinAccepted;

    SimSession(String id, String clientId, String appRedirectUri, String preLoginUserId, Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.appRedirectUri = appRedirectUri;
        this.preLoginUserId = preLoginUserId;
        this.lastSeen = now;
    }

    /** Starts over from a fresh OTP: earlier verification no longer counts. */
    void otpIssued(AccountState forAccount, String token, Instant expires, int attempts) {
        account = forAccount;
        otpToken = token;
        otpTokenExpires = expires;
        totpAttemptsLeft = attempts;
        totpVerified = false;
        pinAccepted = false;
    }

    void dropOtpToken() {
        otpToken = null;
        otpTokenExpires = null;
    }
}
