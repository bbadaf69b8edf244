package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.model.AccessTokenData;
import io.github.upstoxtotp.model.ApiResponse;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.JsonText;
import io.github.upstoxtotp.port.TransportException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.github.upstoxtotp.auth.Fixtures.*;
import static io.github.upstoxtotp.auth.Trees.obj;
import static io.github.upstoxtotp.error.LoginStep.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginMachineTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private final MutableClock clock = new MutableClock(NOW);

    private LoginMachine machine() {
        return machine(LoginListener.NONE);
    }

    private LoginMachine machine(LoginListener listener) {
        return LoginMachine.builder(config()).transport(transport).json(FakeJson.INSTANCE)
                .clock(clock).sleeper(clock).listener(listener).build();
    }

    /** Steps 1–3 answered; the PIN step gets {@code pinAnswer}. */
    private void scriptUpToPin() {
        transport.then(happyPath().subList(0, 4));
    }

    @Test
    void fullLoginRunsTheSixStepsInOrder() {
        transport.then(happyPath());
        LoginMachine m = machine();
        ApiResponse<AccessTokenData> r = m.accessToken();
        assertTrue(r.success());
        assertEquals(ACCESS_TOKEN, r.data().accessToken());
        assertEquals(List.of(AUTHORIZATION_DIALOG, AUTHORIZATION_DIALOG, OTP_GENERATE, TOTP_VERIFY, PIN_2FA,
                OAUTH_AUTHORIZE, TOKEN_EXCHANGE), transport.steps());
        assertInstanceOf(LoginState.TokenIssued.class, m.state());
        assertEquals(0, transport.remaining());
    }

    @Test
    void aStepAlreadyDoneReturnsItsCachedResultWithoutNetwork() {
        transport.then(happyPath());
        LoginMachine m = machine();
        ApiResponse<?> otp = m.generateOtp();
        assertEquals(3, transport.sent.size());
        assertEquals(USER_ID, m.userIdAndUserType().data().userId());
        assertSame(otp, m.generateOtp());
        assertEquals(3, transport.sent.size());
        m.accessToken();
        int after = transport.sent.size();
        assertSame(m.accessToken(), m.accessToken());
        assertEquals(OTP_TOKEN, m.generateOtp().data().validateOtpToken());
        assertEquals(AUTH_CODE, m.oauthAuthorization().data().code());
        assertEquals(after, transport.sent.size());
    }

    @Test
    void eachStepMethodRunsOnlyTheStepsNotYetDone() {
        transport.then(happyPath());
        LoginMachine m = machine();
        m.validateOtp();
        assertEquals(List.of(AUTHORIZATION_DIALOG, AUTHORIZATION_DIALOG, OTP_GENERATE, TOTP_VERIFY), transport.steps());
        assertInstanceOf(LoginState.OtpVerified.class, m.state());
        m.submitPin();
        assertEquals(PIN_2FA, transport.sent.get(4).step());
        assertEquals(5, transport.sent.size());
        assertEquals(REFRESH_EXPIRY, m.submitPin().data().refreshTokenExpiry());
    }

    @Test
    void everyLoginServiceRequestCarriesTheOneRequestId() {
        transport.then(happyPath());
        LoginMachine m = machine();
        m.accessToken();
        assertTrue(m.requestId().matches("^WPRO-[A-Za-z0-9]{10}$"), m.requestId());
        for (ScriptedTransport.Sent s : transport.sent) {
            if (s.step() != TOKEN_EXCHANGE) {
                assertEquals(List.of(m.requestId()), s.request().headers().all("x-request-id"), s.step().toString());
            } else {
                assertTrue(s.request().headers().all("x-request-id").isEmpty());
            }
        }
        assertEquals(OAUTH_AUTHORIZE, transport.sent.get(5).step());
        assertTrue(transport.request(5).uri().getRawQuery().contains("requestId=" + m.requestId()));
        m.reset();
        assertEquals(m.requestId(), m.requestId(), "reset keeps the request id");
        assertNotEquals(m.requestId(), machine().requestId(), "each client has its own");
    }

    @Test
    void aGivenRequestIdIsUsedAndAMalformedOneRefused() {
        transport.then(happyPath().subList(0, 1));
        LoginMachine m = LoginMachine.builder(config()).transport(transport).json(FakeJson.INSTANCE).requestId(REQUEST_ID).build();
        assertEquals(REQUEST_ID, m.requestId());
        assertThrows(IllegalArgumentException.class, () -> LoginMachine.builder(config()).requestId("WPRO-short"));
        assertThrows(IllegalStateException.class, () -> LoginMachine.builder(config()).build());
    }

    @Test
    void rejectedPinIsNeverResent() {
        scriptUpToPin();
        transport.then(loginError(200, "1017106", "You have entered an incorrect PIN"));
        LoginMachine m = machine();
        UpstoxApiException first = assertThrows(UpstoxApiException.class, m::submitPin);
        assertEquals("1017106", first.code().orElseThrow());
        assertEquals(PIN_2FA, first.step());
        LoginState.Failed failed = assertInstanceOf(LoginState.Failed.class, m.state());
        assertEquals(PIN_2FA, failed.step());
        assertSame(first, failed.cause());

        assertSame(first, assertThrows(UpstoxApiException.class, m::submitPin));
        assertSame(first, assertThrows(UpstoxApiException.class, m::accessToken));
        assertSame(first, assertThrows(UpstoxApiException.class, m::oauthAuthorization));
        assertSame(first, assertThrows(UpstoxApiException.class, m::userIdAndUserType));
        long pinRequests = transport.steps().stream().filter(s -> s == PIN_2FA).count();
        assertEquals(1, pinRequests, "the PIN went out once");
        assertEquals(5, transport.sent.size(), "nothing at all was sent after the failure");
    }

    @Test
    void aPinTimeoutIsNotRetriedEither() {
        scriptUpToPin();
        transport.thenThrow(new TransportException(TransportException.Kind.TIMEOUT, "read timed out"));
        LoginMachine m = machine();
        TransportException t = assertThrows(TransportException.class, m::accessToken);
        assertSame(t, assertThrows(TransportException.class, m::submitPin));
        assertEquals(1, transport.steps().stream().filter(s -> s == PIN_2FA).count());
    }

    @Test
    void resetStartsAFreshLoginAfterAFailure() {
        transport.then(html(502));
        LoginMachine m = machine();
        assertThrows(UpstoxApiException.class, m::userIdAndUserType);
        m.reset();
        assertInstanceOf(LoginState.Start.class, m.state());
        transport.then(happyPath());
        assertEquals(ACCESS_TOKEN, m.accessToken().data().accessToken());
    }

    @Test
    void pinIsBase64EncodedExactlyOnceOnTheWire() {
        transport.then(happyPath());
        machine().submitPin();
        HttpRequest pin = transport.request(4);
        String expectedBody = JsonText.write(obj("data", obj("twoFAMethod", "SECRET_PIN", "inputText", PIN_BASE64)));
        assertEquals(expectedBody, pin.bodyText());
        assertEquals(PIN, new String(Base64.getDecoder().decode(PIN_BASE64), StandardCharsets.UTF_8));
    }

    @Test
    void totpGuardWaitsForTheNextWindowWhenFewerThanThreeSecondsAreLeft() {
        Instant windowStart = Instant.parse("2026-01-15T09:00:00Z");
        clock.sleep(Duration.ofSeconds(18).plusMillis(500)); // 28.5 s into the window: 2 whole seconds left
        clock.sleeps.clear();
        transport.then(happyPath());
        machine().validateOtp();
        assertEquals(List.of(Duration.ofMillis(1500)), clock.sleeps);
        Instant next = windowStart.plusSeconds(30);
        assertTrue(transport.request(3).bodyText().contains("\"otp\":\"" + totpAt(next) + "\""));
    }

    @Test
    void totpGuardDoesNotWaitWithThreeSecondsLeft() {
        clock.sleep(Duration.ofSeconds(17)); // 27 s into the window: exactly 3 s left
        clock.sleeps.clear();
        transport.then(happyPath());
        machine().validateOtp();
        assertEquals(List.of(), clock.sleeps);
        assertTrue(transport.request(3).bodyText().contains("\"otp\":\"" + totpAt(NOW.plusSeconds(17)) + "\""));
    }

    @Test
    void totpGuardCanBeTurnedOff() {
        clock.sleep(Duration.ofSeconds(19));
        clock.sleeps.clear();
        transport.then(happyPath());
        LoginMachine.builder(config()).transport(transport).json(FakeJson.INSTANCE).clock(clock).sleeper(clock)
                .totpGuardSeconds(0).build().validateOtp();
        assertEquals(List.of(), clock.sleeps);
    }

    @Test
    void listenerHearsEveryStep() {
        List<String> events = new ArrayList<>();
        LoginListener listener = new LoginListener() {
            @Override
            public void stepStarted(LoginStep step) {
                events.add("start " + step.number());
            }

            @Override
            public void stepSucceeded(LoginStep step, Duration elapsed) {
                events.add("ok " + step.number());
            }

            @Override
            public void stepFailed(LoginStep step, UpstoxTotpException failure) {
                events.add("fail " + step.number() + " " + failure.getClass().getSimpleName());
            }
        };
        transport.then(happyPath());
        machine(listener).accessToken();
        assertEquals(List.of("start 1", "ok 1", "start 2", "ok 2", "start 3", "ok 3", "start 4", "ok 4", "start 5", "ok 5",
                "start 6", "ok 6"), events);
        events.clear();
        transport.then(redirect(302, "https://login.upstox.com/nowhere"), html(200));
        assertThrows(ProtocolException.class, machine(listener)::accessToken);
        assertEquals(List.of("start 1", "fail 1 ProtocolException"), events);
    }

    @Test
    void concurrentCallersShareOneLogin() throws Exception {
        transport.then(happyPath());
        LoginMachine m = machine();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ApiResponse<AccessTokenData>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(m::accessToken));
            }
            for (java.util.concurrent.Future<ApiResponse<AccessTokenData>> f : results) {
                assertEquals(ACCESS_TOKEN, f.get().data().accessToken());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(7, transport.sent.size(), "one login, whatever the number of callers");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheLogin() {
        transport.then(happyPath());
        LoginMachine m = machine(new LoginListener() {
            @Override
            public void stepStarted(LoginStep step) {
                throw new IllegalStateException("listener bug");
            }
        });
        assertEquals(ACCESS_TOKEN, m.accessToken().data().accessToken());
    }

    @Test
    void aTransportFailureIsTheFailedStepsCause() {
        transport.then(happyPath().subList(0, 2))
                .thenThrow(new TransportException(TransportException.Kind.CONNECT, "connection refused"));
        LoginMachine m = machine();
        TransportException e = assertThrows(TransportException.class, m::generateOtp);
        LoginState.Failed f = assertInstanceOf(LoginState.Failed.class, m.state());
        assertEquals(OTP_GENERATE, f.step());
        assertSame(e, f.cause());
    }

    @Test
    void anUnexpectedExceptionBecomesAProtocolException() {
        transport.then(happyPath().subList(0, 2)).thenThrow(new IllegalArgumentException("boom"));
        ProtocolException e = assertThrows(ProtocolException.class, machine()::generateOtp);
        assertEquals(OTP_GENERATE, e.step());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void noSecretInAnyStateOrResultToString() {
        transport.then(happyPath());
        LoginMachine m = machine();
        List<String> seen = new ArrayList<>();
        seen.add(m.state().toString());
        seen.add(m.userIdAndUserType().toString());
        seen.add(m.state().toString());
        seen.add(m.generateOtp().toString());
        seen.add(m.state().toString());
        seen.add(m.validateOtp().toString());
        seen.add(m.state().toString());
        seen.add(m.submitPin().toString());
        seen.add(m.state().toString());
        seen.add(m.oauthAuthorization().toString());
        seen.add(m.state().toString());
        seen.add(m.accessToken().toString());
        seen.add(m.state().toString());
        seen.add(m.toString());
        seen.forEach(Fixtures::assertNoSecret);
        assertTrue(seen.get(4).contains("validateOtpToken=****"), seen.get(4));
    }

    @Test
    void noSecretInFailureMessagesEvenWhenTheServerEchoesThem() {
        scriptUpToPin();
        transport.then(loginError(200, "1017106", "PIN " + PIN + " / " + PIN_BASE64 + " rejected for " + CLIENT_SECRET));
        LoginMachine m = machine();
        UpstoxApiException e = assertThrows(UpstoxApiException.class, m::submitPin);
        assertNoSecret(e.getMessage());
        assertNoSecret(m.state().toString());
        assertTrue(e.getMessage().contains("PIN **** / **** rejected for ****"), e.getMessage());
    }

    @Test
    void theTotpCodeSentIsRedactedFromLaterMessages() {
        transport.then(happyPath().subList(0, 3));
        transport.then(loginError(200, "1017035", "OTP " + totpAt(NOW) + " is invalid, 4 attempts left"));
        UpstoxApiException e = assertThrows(UpstoxApiException.class, machine()::validateOtp);
        assertNoSecret(e.getMessage());
        assertEquals(UpstoxErrorCode.WRONG_TOTP_TIP, e.tip().orElseThrow());
    }
}
