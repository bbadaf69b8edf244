package io.github.upstoxtotp;

import io.github.upstoxtotp.error.LoginRefusedException;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.port.TransportException;
import io.github.upstoxtotp.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginGuardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    private final LoginGuard guard = new LoginGuard(clock);

    private static UpstoxApiException wrongPin() {
        return new UpstoxApiException(LoginStep.PIN_2FA, 200, "1017106", "You have entered an incorrect PIN", "check it");
    }

    @Test
    void aWrongPinIsLatchedUntilCleared() {
        UpstoxApiException pin = wrongPin();
        guard.record(pin);
        assertSame(pin, assertThrows(UpstoxApiException.class, guard::check));
        clock.advance(Duration.ofDays(1));
        assertSame(pin, assertThrows(UpstoxApiException.class, guard::check), "time does not fix a wrong PIN");
        guard.clear();
        assertDoesNotThrow(guard::check);
    }

    @Test
    void anOtpBlockAndAWrongTotpAreLatchedToo() {
        guard.record(new UpstoxApiException(LoginStep.OTP_GENERATE, 200, "1017069", "blocked", null));
        assertThrows(UpstoxApiException.class, guard::check);
        guard.clear();
        guard.record(new UpstoxApiException(LoginStep.TOTP_VERIFY, 400, "1017034", "Invalid OTP. 4 attempts left", null));
        assertThrows(UpstoxApiException.class, guard::check);
    }

    @Test
    void theOtherProtocolVariantAnsweringIsLatched() {
        ProtocolException mismatch = new ProtocolException(LoginStep.TOTP_VERIFY, "data.userProfile",
                "missing; this looks like the v2026 login protocol: set UPSTOX_LOGIN_PROTOCOL=v2026");
        guard.record(mismatch);
        assertSame(mismatch, assertThrows(ProtocolException.class, guard::check));
    }

    @Test
    void transientFailuresAreNotLatchedButThreeInTenMinutesRefuseAFourthLogin() {
        TransportException refused = new TransportException(TransportException.Kind.IO, "reset");
        guard.record(refused);
        assertDoesNotThrow(guard::check);
        clock.advance(Duration.ofSeconds(60));
        guard.record(refused);
        assertDoesNotThrow(guard::check);
        clock.advance(Duration.ofSeconds(60));
        guard.record(refused);
        LoginRefusedException refusal = assertThrows(LoginRefusedException.class, guard::check);
        assertEquals(Instant.parse("2026-11-23T03:10:00Z"), refusal.retryAt().orElseThrow());
        assertTrue(refusal.getMessage().contains("resetSession()"), refusal.getMessage());

        clock.set(Instant.parse("2026-11-23T03:10:00Z"));
        assertDoesNotThrow(guard::check, "the oldest failure has left the window");
    }

    @Test
    void clearingLiftsTheBudgetAtOnce() {
        for (int i = 0; i < LoginGuard.MAX_FAILURES; i++) {
            guard.record(new TransportException(TransportException.Kind.TIMEOUT, "timeout"));
        }
        assertThrows(LoginRefusedException.class, guard::check);
        guard.clear();
        assertDoesNotThrow(guard::check);
    }
}
