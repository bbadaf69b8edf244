package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.model.UserProfile;
import io.github.upstoxtotp.port.HttpResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.github.upstoxtotp.auth.Fixtures.*;
import static io.github.upstoxtotp.auth.Trees.arr;
import static io.github.upstoxtotp.auth.Trees.obj;
import static io.github.upstoxtotp.error.LoginStep.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protocol table, its selection by name, and whole logins (scripted) in each variant and across them. */
class LoginProtocolTest {
    private static final String TO_SEED = "; this looks like the seed login protocol: set UPSTOX_LOGIN_PROTOCOL=seed";
    private static final String TO_V2026 = "; this looks like the v2026 login protocol: set UPSTOX_LOGIN_PROTOCOL=v2026";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final MutableClock clock = new MutableClock(NOW);

    private LoginMachine machine(LoginProtocol protocol) {
        LoginMachineBuilder b = LoginMachine.builder(config()).transport(transport).json(FakeJson.INSTANCE)
                .clock(clock).sleeper(clock);
        return (protocol == null ? b : b.protocol(protocol)).build();
    }

    private static HttpResponse accountsAnswer() {
        return success(obj("message", "verified", "userType", "individual", "accounts",
                arr(obj("profileId", 12345, "userId", USER_ID, "firstName", "Asha")), "isSecretPinSet", true));
    }

    /** The six answers of a v2026 login: the seed's with {@code accounts[]} at step 3. */
    private static List<HttpResponse> v2026HappyPath() {
        List<HttpResponse> r = new java.util.ArrayList<>(happyPath());
        r.set(3, accountsAnswer());
        return r;
    }

    private static HttpResponse notFound() {
        return apiError(404, "errorCode", "UDAPI10000", "Request not supported", null);
    }

    // ---- the table

    @Test
    void theSeedTableIsUnchangedAndTheV2026TableDiffersWhereReported() {
        LoginProtocol s = LoginProtocol.SEED;
        assertEquals(List.of("seed", "/v2/login/authorization/dialog", "/login/open/v6/auth/1fa/otp/generate",
                "/login/open/v4/auth/1fa/otp-totp/verify", "/login/open/v3/auth/2fa", "/login/v2/oauth/authorize",
                "/v2/login/authorization/token"), List.of(s.name(), s.dialogPath(), s.otpGeneratePath(),
                s.totpVerifyPath(), s.pinPath(), s.oauthAuthorizePath(), s.tokenPath()));
        assertFalse(s.sendsCountryIsdCode() || s.verifyAnswersAccounts() || s.pinCarriesProfile());
        LoginProtocol v = LoginProtocol.V2026;
        assertEquals("/login/open/v5/auth/1fa/otp-totp/verify", v.totpVerifyPath());
        assertEquals("/login/open/v4/auth/2fa", v.pinPath());
        assertEquals(s.otpGeneratePath(), v.otpGeneratePath());
        assertEquals(s.internalRedirectUri(), v.internalRedirectUri());
        assertTrue(v.sendsCountryIsdCode() && v.verifyAnswersAccounts() && v.pinCarriesProfile());
        assertEquals(v.pinPath(), v.path(PIN_2FA));
        assertEquals(s.dialogPath(), s.path(AUTHORIZATION_DIALOG));
        assertEquals(s.tokenPath(), s.path(TOKEN_EXCHANGE));
    }

    @Test
    void aPathOnlyTableHasTheSeedShapes() {
        LoginProtocol p = new LoginProtocol("t", "/d", "/g", "/v", "/p", "/o", "/t", URI.create("https://x.test/r"));
        assertFalse(p.sendsCountryIsdCode() || p.verifyAnswersAccounts() || p.pinCarriesProfile());
    }

    @Test
    void protocolsAreFoundByNameIgnoringCaseAndTheConfigKnowsTheSameNames() {
        assertSame(LoginProtocol.V2026, LoginProtocol.byName("V2026"));
        assertSame(LoginProtocol.SEED, LoginProtocol.byName(" Seed "));
        assertEquals(List.of("seed", "v2026"), LoginProtocol.names());
        assertEquals(UpstoxTotpConfig.LOGIN_PROTOCOLS, LoginProtocol.names());
        assertEquals(UpstoxTotpConfig.DEFAULT_LOGIN_PROTOCOL, LoginProtocol.known().get(0).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoginProtocol.byName("v2025"));
        assertEquals("unknown login protocol 'v2025': valid values are seed, v2026", e.getMessage());
        assertTrue(LoginProtocol.find(null).isEmpty());
    }

    @Test
    void theMachineSpeaksTheConfiguredProtocolUnlessOneIsSet() {
        UpstoxTotpConfig v2026 = UpstoxTotpConfig.builder().username(MOBILE).pinCode(PIN).totpSecret(TOTP_SECRET)
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).redirectUri(APP_REDIRECT).loginProtocol("V2026").build();
        transport.then(v2026HappyPath());
        LoginMachine.builder(v2026).transport(transport).json(FakeJson.INSTANCE).clock(clock).sleeper(clock).build()
                .accessToken();
        assertEquals("/login/open/v5/auth/1fa/otp-totp/verify", transport.request(3).uri().getPath());

        ScriptedTransport other = new ScriptedTransport().then(happyPath());
        LoginMachine.builder(v2026).transport(other).json(FakeJson.INSTANCE).clock(clock).sleeper(clock)
                .protocol(LoginProtocol.SEED).build().accessToken();
        assertEquals("/login/open/v4/auth/1fa/otp-totp/verify", other.request(3).uri().getPath());
    }

    // ---- whole logins

    @Test
    void aV2026LoginSendsTheChosenProfileWithThePin() {
        transport.then(v2026HappyPath());
        LoginMachine m = machine(LoginProtocol.V2026);
        assertEquals(ACCESS_TOKEN, m.accessToken().data().accessToken());
        assertEquals(new UserProfile(12345, USER_ID, "Asha", null, null), m.validateOtp().data().profile());
        assertTrue(transport.request(2).bodyText().contains("\"countryIsdCode\":\"+91\""));
        assertEquals(PIN_2FA, transport.sent.get(4).step());
        assertEquals("12345", transport.request(4).headers().first("x-profile-id").orElseThrow());
        assertEquals(USER_ID, transport.request(4).headers().first("x-user-id").orElseThrow());
        assertTrue(transport.request(4).bodyText().contains("\"profileId\":12345"));
    }

    @Test
    void anAccountsAnswerToSeedStopsTheLoginBeforeThePin() {
        transport.then(happyPath().subList(0, 3)).then(accountsAnswer());
        LoginMachine m = machine(null);
        ProtocolException e = assertThrows(ProtocolException.class, m::accessToken);
        assertEquals(TOTP_VERIFY, e.step());
        assertEquals("data.userProfile", e.field().orElseThrow());
        assertTrue(e.getMessage().endsWith(TO_V2026), e.getMessage());
        assertSame(e, assertThrows(ProtocolException.class, m::submitPin));
        assertFalse(transport.steps().contains(PIN_2FA), "the PIN is never sent after a mismatch");
        assertInstanceOf(LoginState.Failed.class, m.state());
    }

    @Test
    void aUserProfileAnswerToV2026StopsTheLoginBeforeThePin() {
        transport.then(happyPath().subList(0, 4));
        LoginMachine m = machine(LoginProtocol.V2026);
        ProtocolException e = assertThrows(ProtocolException.class, m::accessToken);
        assertEquals("data.accounts", e.field().orElseThrow());
        assertTrue(e.getMessage().endsWith(TO_SEED), e.getMessage());
        assertFalse(transport.steps().contains(PIN_2FA));
    }

    @Test
    void a404OnAVariantSpecificPathSuggestsTheOtherVariant() {
        transport.then(happyPath().subList(0, 3)).then(notFound());
        ProtocolException seed = assertThrows(ProtocolException.class, machine(LoginProtocol.SEED)::accessToken);
        assertEquals(TOTP_VERIFY, seed.step());
        assertEquals("TOTP verification (step 3/6): HTTP 404 for /login/open/v4/auth/1fa/otp-totp/verify (an endpoint"
                + " of the seed login protocol): the login service does not have it" + TO_V2026, seed.getMessage());
        assertFalse(transport.steps().contains(PIN_2FA));

        ScriptedTransport t = new ScriptedTransport().then(happyPath().subList(0, 3)).then(html(404));
        ProtocolException v2026 = assertThrows(ProtocolException.class, LoginMachine.builder(config()).transport(t)
                .json(FakeJson.INSTANCE).clock(clock).sleeper(clock).protocol(LoginProtocol.V2026).build()::accessToken);
        assertTrue(v2026.getMessage().contains("/login/open/v5/auth/1fa/otp-totp/verify"), v2026.getMessage());
        assertTrue(v2026.getMessage().endsWith(TO_SEED), v2026.getMessage());
        assertFalse(t.steps().contains(PIN_2FA));
    }

    @Test
    void a404AtThePinStepSuggestsTheOtherVariantToo() {
        transport.then(happyPath().subList(0, 4)).then(notFound());
        ProtocolException e = assertThrows(ProtocolException.class, machine(null)::accessToken);
        assertEquals(PIN_2FA, e.step());
        assertTrue(e.getMessage().contains("/login/open/v3/auth/2fa"), e.getMessage());
        assertTrue(e.getMessage().endsWith(TO_V2026), e.getMessage());
    }

    @Test
    void a404WhereBothVariantsAgreeIsAnOrdinaryApiError() {
        transport.then(happyPath().subList(0, 2)).then(notFound());
        UpstoxApiException e = assertThrows(UpstoxApiException.class, machine(LoginProtocol.V2026)::accessToken);
        assertEquals(LoginStep.OTP_GENERATE, e.step());
        assertEquals(404, e.httpStatus());
        assertEquals("UDAPI10000", e.code().orElseThrow());
    }
}
