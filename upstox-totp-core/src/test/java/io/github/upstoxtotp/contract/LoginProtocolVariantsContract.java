package io.github.upstoxtotp.contract;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.model.UserProfile;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedRequest;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import io.github.upstoxtotp.testing.SimulatorEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full logins in each known {@link LoginProtocol} against the simulator serving it, and logins
 * where client and service disagree: those must stop with a {@link ProtocolException} that
 * suggests the right {@code UPSTOX_LOGIN_PROTOCOL}, and must never send the PIN. Each JSON
 * adapter module runs it by naming its {@link JsonPort}.
 */
public abstract class LoginProtocolVariantsContract {
    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final SimulatedAccount DEMO = SimulatedAccount.DEMO;
    private static final String TO_SEED = "; this looks like the seed login protocol: set UPSTOX_LOGIN_PROTOCOL=seed";
    private static final String TO_V2026 = "; this looks like the v2026 login protocol: set UPSTOX_LOGIN_PROTOCOL=v2026";

    protected abstract JsonPort createJson();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<AutoCloseable> closeMe = new ArrayList<>();
    private JsonPort json;

    static Stream<LoginProtocol> variants() {
        return LoginProtocol.known().stream();
    }

    @BeforeEach
    void codec() {
        json = createJson();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeMe) {
            c.close();
        }
    }

    private SimulatedUpstox serving(LoginProtocol protocol) {
        return SimulatedUpstox.builder(json).clock(clock).protocol(protocol).build();
    }

    private UpstoxTotp client(HttpPort http, UpstoxTotpConfig config, LoginProtocol explicit) {
        UpstoxTotp.Builder b = UpstoxTotp.builder().config(config).http(http).json(json).clock(clock);
        UpstoxTotp c = (explicit == null ? b : b.protocol(explicit)).build();
        closeMe.add(c);
        return c;
    }

    private UpstoxTotp clientSaying(SimulatedUpstox sim, String loginProtocol) {
        return client(sim, sim.configFor(DEMO).loginProtocol(loginProtocol).build(), null);
    }

    private static void assertNothingDangerousHappened(SimulatedUpstox sim) {
        assertEquals(0, sim.requestCount(SimulatorEndpoint.PIN_2FA), "the PIN is never sent after a mismatch");
        assertEquals(0, sim.wrongPinCount(DEMO.mobileNumber()));
        assertFalse(sim.isLocked(DEMO.mobileNumber()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aFullLoginRunsInEachVariantChosenByConfig(LoginProtocol protocol) {
        SimulatedUpstox sim = serving(protocol);
        UpstoxTotpConfig config = sim.configFor(DEMO).build();
        assertEquals(protocol.name(), config.loginProtocol(), "configFor sets the simulator's protocol");
        AccessToken token = client(sim, config, null).accessToken();
        assertTrue(sim.isValidAccessToken(token.value()));
        assertEquals("DEMO01", token.userId());
        for (SimulatorEndpoint step : List.of(SimulatorEndpoint.AUTHORIZATION_DIALOG, SimulatorEndpoint.OTP_GENERATE,
                SimulatorEndpoint.TOTP_VERIFY, SimulatorEndpoint.PIN_2FA, SimulatorEndpoint.OAUTH_AUTHORIZE,
                SimulatorEndpoint.TOKEN_EXCHANGE)) {
            assertEquals(1, sim.requestCount(step), step.name());
        }
        assertEquals(0, sim.requestCount(SimulatorEndpoint.UNKNOWN));
        SimulatedRequest pin = sim.requests(SimulatorEndpoint.PIN_2FA).get(0);
        assertEquals(protocol.pinPath(), pin.path());
        assertEquals(protocol.totpVerifyPath(), sim.requests(SimulatorEndpoint.TOTP_VERIFY).get(0).path());
        if (protocol.pinCarriesProfile()) {
            assertEquals("1001", pin.headers().first("X-Profile-Id").orElseThrow());
            assertEquals("DEMO01", pin.headers().first("X-User-Id").orElseThrow());
        } else {
            assertFalse(pin.headers().contains("X-Profile-Id") || pin.headers().contains("X-User-Id"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theStepApiReportsTheVerifiedProfileInEachVariant(LoginProtocol protocol) {
        SimulatedUpstox sim = serving(protocol);
        UpstoxTotp client = client(sim, sim.configFor(DEMO).build(), null);
        assertEquals(new UserProfile(1001, "DEMO01", "Demo", "Trader", null),
                client.appToken().validateOtp().data().profile());
        assertEquals(0, sim.requestCount(SimulatorEndpoint.PIN_2FA));
        assertTrue(sim.isValidAccessToken(client.appToken().accessToken().data().accessToken()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aWrongPinIsSentOnceInEachVariant(LoginProtocol protocol) {
        SimulatedUpstox sim = serving(protocol);
        UpstoxTotp client = client(sim, sim.configFor(DEMO).pinCode("654321").build(), null);
        UpstoxApiException e = assertThrows(UpstoxApiException.class, client::accessToken);
        assertEquals(LoginStep.PIN_2FA, e.step());
        assertEquals("1017106", e.code().orElseThrow());
        assertThrows(UpstoxApiException.class, client::accessToken);
        assertEquals(1, sim.requestCount(SimulatorEndpoint.PIN_2FA));
        assertEquals(1, sim.wrongPinCount(DEMO.mobileNumber()));
    }

    @Test
    void theBuildersProtocolWinsOverTheConfig() {
        SimulatedUpstox sim = serving(LoginProtocol.V2026);
        UpstoxTotp client = client(sim, sim.configFor(DEMO).loginProtocol("seed").build(), LoginProtocol.V2026);
        assertTrue(sim.isValidAccessToken(client.accessToken().value()));
    }

    @Test
    void aSeedClientAgainstAV2026ServiceIsToldToSwitchAndNeverSendsThePin() {
        SimulatedUpstox sim = serving(LoginProtocol.V2026);
        UpstoxTotp client = clientSaying(sim, "seed");
        ProtocolException e = assertThrows(ProtocolException.class, client::accessToken);
        assertEquals(LoginStep.TOTP_VERIFY, e.step());
        assertTrue(e.getMessage().contains(LoginProtocol.SEED.totpVerifyPath()), e.getMessage());
        assertTrue(e.getMessage().endsWith(TO_V2026), e.getMessage());
        assertEquals(0, sim.requestCount(SimulatorEndpoint.TOTP_VERIFY), "the seed's verify path is not there");
        assertEquals(1, sim.requestCount(SimulatorEndpoint.UNKNOWN));
        assertThrows(ProtocolException.class, client::accessToken);
        assertNothingDangerousHappened(sim);
    }

    @Test
    void aV2026ClientAgainstASeedServiceIsToldToSwitchAndNeverSendsThePin() {
        SimulatedUpstox sim = serving(LoginProtocol.SEED);
        ProtocolException e = assertThrows(ProtocolException.class, clientSaying(sim, "V2026")::accessToken);
        assertEquals(LoginStep.TOTP_VERIFY, e.step());
        assertTrue(e.getMessage().contains(LoginProtocol.V2026.totpVerifyPath()), e.getMessage());
        assertTrue(e.getMessage().endsWith(TO_SEED), e.getMessage());
        assertNothingDangerousHappened(sim);
    }

    @Test
    void anAccountsAnswerOnTheSeedsPathsIsNamedAndStopsBeforeThePin() {
        LoginProtocol s = LoginProtocol.SEED;
        SimulatedUpstox sim = serving(new LoginProtocol("seed-paths-2026-shapes", s.dialogPath(), s.otpGeneratePath(),
                s.totpVerifyPath(), s.pinPath(), s.oauthAuthorizePath(), s.tokenPath(), s.internalRedirectUri(),
                true, true, true));
        ProtocolException e = assertThrows(ProtocolException.class,
                client(sim, sim.configFor(DEMO).build(), LoginProtocol.SEED)::accessToken);
        assertEquals(LoginStep.TOTP_VERIFY, e.step());
        assertEquals("data.userProfile", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("data.accounts"), e.getMessage());
        assertTrue(e.getMessage().endsWith(TO_V2026), e.getMessage());
        assertEquals(1, sim.requestCount(SimulatorEndpoint.TOTP_VERIFY));
        assertNothingDangerousHappened(sim);
    }

    @Test
    void aUserProfileAnswerOnTheV2026PathsIsNamedAndStopsBeforeThePin() {
        LoginProtocol v = LoginProtocol.V2026;
        SimulatedUpstox sim = serving(new LoginProtocol("v2026-paths-seed-shapes", v.dialogPath(), v.otpGeneratePath(),
                v.totpVerifyPath(), v.pinPath(), v.oauthAuthorizePath(), v.tokenPath(), v.internalRedirectUri()));
        ProtocolException e = assertThrows(ProtocolException.class,
                client(sim, sim.configFor(DEMO).build(), LoginProtocol.V2026)::accessToken);
        assertEquals("data.accounts", e.field().orElseThrow());
        assertTrue(e.getMessage().endsWith(TO_SEED), e.getMessage());
        assertNothingDangerousHappened(sim);
    }

    @Test
    void theV2026ServiceRefusesAPinWithoutTheMatchingProfileAndDoesNotCountItAsWrong() {
        SimulatedUpstox sim = serving(LoginProtocol.V2026);
        List<UnaryOperator<HttpRequest>> tamperings = List.of(
                r -> r.toBuilder().setHeader("X-Profile-Id", "1002").build(),
                r -> r.toBuilder().removeHeader("X-User-Id").build(),
                r -> r.toBuilder().body(json.writeBytes(withStringProfileId(r))).build());
        for (UnaryOperator<HttpRequest> tamper : tamperings) {
            HttpPort port = r -> sim.execute(r.uri().getPath().equals(LoginProtocol.V2026.pinPath()) ? tamper.apply(r) : r);
            UpstoxApiException e = assertThrows(UpstoxApiException.class,
                    client(port, sim.configFor(DEMO).build(), null)::accessToken);
            assertEquals(LoginStep.PIN_2FA, e.step());
            assertEquals("1017016", e.code().orElseThrow());
        }
        assertEquals(3, sim.requestCount(SimulatorEndpoint.PIN_2FA));
        assertEquals(0, sim.wrongPinCount(DEMO.mobileNumber()), "a malformed PIN request is not a wrong PIN");
        LoginProtocol v = LoginProtocol.V2026;
        LoginProtocol withoutProfile = new LoginProtocol("v2026-without-profile", v.dialogPath(), v.otpGeneratePath(),
                v.totpVerifyPath(), v.pinPath(), v.oauthAuthorizePath(), v.tokenPath(), v.internalRedirectUri(),
                true, true, false);
        UpstoxApiException bare = assertThrows(UpstoxApiException.class,
                client(sim, sim.configFor(DEMO).build(), withoutProfile)::accessToken);
        assertTrue(bare.serverMessage().orElseThrow().contains("profileId"), bare.getMessage());
        assertEquals(0, sim.wrongPinCount(DEMO.mobileNumber()));
    }

    /** The PIN body with {@code profileId} as a string ({@code "1001"}) instead of a number. */
    private JsonObject withStringProfileId(HttpRequest r) {
        JsonObject data = (JsonObject) ((JsonObject) json.parse(r.bodyText())).get("data").orElseThrow();
        JsonObject.Builder b = JsonObject.builder();
        data.members().forEach((k, v) -> {
            if (!k.equals("profileId")) {
                b.put(k, v);
            }
        });
        return JsonObject.builder().put("data", b.put("profileId", "1001").build()).build();
    }
}
