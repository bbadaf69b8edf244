package io.github.upstoxtotp;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.UpstoxApiException;

/**
 * Stops the token service from logging in again after Upstox rejected the account's
 * credentials: a wrong PIN (five lock the account), a wrong TOTP (attempts are counted), OTP
 * generation blocked. Without it an application that calls {@code accessToken()} in a retry
 * loop would send the same wrong PIN until the account locks. Transport failures and other
 * errors are not remembered: the next call tries again.
 *
 * <p>Cleared by {@link UpstoxTotp#resetSession()}, which is the user saying "I fixed it".
 */
final class LoginGuard {
    private volatile UpstoxApiException rejection;

    void check() {
        UpstoxApiException r = rejection;
        if (r != null) {
            throw r;
        }
    }

    void record(RuntimeException e) {
        if (e instanceof UpstoxApiException api && isCredentialRejection(api)) {
            rejection = api;
        }
    }

    void clear() {
        rejection = null;
    }

    static boolean isCredentialRejection(UpstoxApiException e) {
        LoginStep step = e.step();
        if (step == LoginStep.PIN_2FA || step == LoginStep.TOTP_VERIFY) {
            return e.httpStatus() != 429 && e.httpStatus() < 500;
        }
        return e.code().map(c -> c.equals("1017069") || c.equals("1017106")).orElse(false);
    }
}
