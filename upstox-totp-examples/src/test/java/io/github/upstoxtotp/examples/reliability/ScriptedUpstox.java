package io.github.upstoxtotp.examples.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.totp.TotpGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A WireMock server on a dynamic loopback port that answers the six login steps of the seed
 * protocol correctly by default (PROTOCOL.md), so that a fault scenario overrides exactly one
 * step. API and login service share the one server; their paths differ.
 *
 * <p>The login-service steps answer only when the session cookie set by the dialog comes back
 * (WireMock matches on the {@code Cookie} header); without it they answer a bare 401, as a
 * service that lost the session would. Every credential and every value the server hands out is
 * a distinctive constant, listed by {@link #secrets()} for "never in a message" checks.
 */
final class ScriptedUpstox implements AutoCloseable {
    static final String MOBILE = "9876543210";
    static final String PIN = "482916";
    static final String PIN_BASE64 = Base64.getEncoder().encodeToString(PIN.getBytes(StandardCharsets.UTF_8));
    static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final String CLIENT_ID = "client-7Qx";
    static final String CLIENT_SECRET = "cs-7f3a9b2e-d41c-secret";
    static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    static final String USER_ID = "USR7QX";
    static final String COOKIE_NAME = "SESSION";
    static final String COOKIE_VALUE = "sess-9c1d2e3f4a5b6c7d8e9f";
    static final String OTP_TOKEN = "vot-1a2b3c4d-5e6f-7081";
    static final String AUTH_CODE = "code-Zx81Qw27Lm";
    static final String ACCESS_TOKEN = "at-eyJhbGciOiJIUzI1NiJ9.ACCESS.c2lnbmF0dXJl";
    static final String EXTENDED_TOKEN = "xt-EXTENDED-8899aabbccdd";
    /** The client's clock: the start of a TOTP window, so no step waits for the next one. */
    static final Instant NOW = Instant.parse("2025-06-02T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The endpoints of the default script, by path. */
    enum Endpoint {
        DIALOG(LoginProtocol.SEED.dialogPath()),
        HOP("/login/hop"),
        OTP(LoginProtocol.SEED.otpGeneratePath()),
        TOTP(LoginProtocol.SEED.totpVerifyPath()),
        PIN(LoginProtocol.SEED.pinPath()),
        OAUTH(LoginProtocol.SEED.oauthAuthorizePath()),
        TOKEN(LoginProtocol.SEED.tokenPath());

        final String path;

        Endpoint(String path) {
            this.path = path;
        }
    }

    /** Default stubs sit at this priority; a scenario's overrides win with {@link #OVERRIDE}. */
    private static final int DEFAULT = 5;
    static final int OVERRIDE = 1;
    private static final int NO_SESSION = 9;

    private final WireMockServer server;
    private String apiBase;
    private String serviceBase;

    ScriptedUpstox() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(16)
                .gzipDisabled(true));
        server.start();
    }

    /** Forgets every stub, request and base override, then installs the correct script. */
    void reset() {
        server.resetAll();
        apiBase = base();
        serviceBase = base();
        installDefaults();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    WireMockServer server() {
        return server;
    }

    /** Points the client's API base elsewhere (e.g. a port nothing listens on). */
    void apiBase(String url) {
        this.apiBase = url;
    }

    /** Points the client's login-service base elsewhere. */
    void serviceBase(String url) {
        this.serviceBase = url;
    }

    UpstoxTotpConfig config() {
        return UpstoxTotpConfig.builder()
                .username(MOBILE)
                .pinCode(PIN)
                .totpSecret(TOTP_SECRET)
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(REDIRECT_URI)
                .apiBaseUrl(apiBase)
                .serviceBaseUrl(serviceBase)
                .sleepTime(Duration.ZERO)
                .build();
    }

    /** Replaces what {@code endpoint} answers (whatever the cookie), for this scenario. */
    void override(Endpoint endpoint, ResponseDefinitionBuilder response) {
        server.stubFor(request(endpoint).atPriority(OVERRIDE).willReturn(response));
    }

    /** Adds a stub of the scenario's own (extra hops, state machines). */
    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    static MappingBuilder request(Endpoint endpoint) {
        return endpoint == Endpoint.DIALOG || endpoint == Endpoint.HOP
                ? get(urlPathEqualTo(endpoint.path))
                : post(urlPathEqualTo(endpoint.path));
    }

    /** Requests the server received, by path (unmatched ones included). */
    Map<String, Integer> requestsByPath() {
        Map<String, Integer> counts = new TreeMap<>();
        for (ServeEvent e : server.getAllServeEvents()) {
            counts.merge(URI.create(e.getRequest().getUrl()).getPath(), 1, Integer::sum);
        }
        return counts;
    }

    /** Every value that must never appear in a message: credentials, codes, cookie, tokens. */
    /** A loopback port nothing listens on: connecting to it is refused. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> secrets() {
        List<String> s = new ArrayList<>(List.of(PIN, PIN_BASE64, TOTP_SECRET, CLIENT_SECRET, COOKIE_VALUE, OTP_TOKEN,
                AUTH_CODE, ACCESS_TOKEN, EXTENDED_TOKEN));
        s.addAll(totpCodes());
        return s;
    }

    /** The TOTP codes of the client's window and the ones either side. */
    static List<String> totpCodes() {
        TotpGenerator totp = config(TOTP_SECRET).totpGenerator();
        return List.of(totp.generate(NOW.minusSeconds(30)), totp.generate(NOW), totp.generate(NOW.plusSeconds(30)));
    }

    private static UpstoxTotpConfig config(String totpSecret) {
        return UpstoxTotpConfig.builder().username(MOBILE).pinCode(PIN).totpSecret(totpSecret).clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET).redirectUri(REDIRECT_URI).build();
    }

    // ---- the correct script ------------------------------------------------------------------

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder ok(String body) {
        return json(200, body);
    }

    static String otpAnswer() {
        return "{\"success\":true,\"data\":{\"message\":\"OTP sent\",\"validateOTPToken\":\"" + OTP_TOKEN
                + "\",\"nextRequestInterval\":30,\"userType\":\"individual\",\"isTotpEnabled\":true},\"error\":null}";
    }

    static String totpAnswer() {
        return "{\"success\":true,\"data\":{\"message\":\"OTP verified\",\"userType\":\"individual\",\"userProfile\":"
                + "{\"profileId\":1234567,\"userId\":\"" + USER_ID + "\",\"firstName\":\"Ravi\",\"lastName\":\"Kumar\"},"
                + "\"isSecretPinSet\":true},\"error\":null}";
    }

    static String pinAnswer() {
        return "{\"success\":true,\"data\":{\"redirectUri\":null,\"userType\":\"individual\",\"customerStatus\":\"ACTIVE\","
                + "\"refreshTokenExpiry\":1748919600123,\"isPlusPlanFastWebsocketEnabled\":false,"
                + "\"isNewRefreshTokenCreated\":true,\"isExternalClientOAuthApp\":false},\"error\":null}";
    }

    static String oauthAnswer() {
        return "{\"success\":true,\"data\":{\"redirectUri\":\"" + REDIRECT_URI + "?code=" + AUTH_CODE
                + "\",\"isApproved\":true},\"error\":null}";
    }

    static String tokenAnswer() {
        return "{\"email\":\"ravi@example.com\",\"exchanges\":[\"NSE\",\"BSE\"],\"products\":[\"D\",\"I\"],"
                + "\"broker\":\"UPSTOX\",\"user_id\":\"" + USER_ID + "\",\"user_name\":\"Ravi Kumar\","
                + "\"order_types\":[\"MARKET\",\"LIMIT\"],\"user_type\":\"individual\",\"poa\":false,\"ddpi\":true,"
                + "\"is_active\":true,\"access_token\":\"" + ACCESS_TOKEN + "\",\"extended_token\":\"" + EXTENDED_TOKEN + "\"}";
    }

    /** A login-service error envelope (HTTP 200, as the service sends it). */
    static String loginError(String code, String message) {
        return "{\"success\":false,\"data\":null,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    /** An API error envelope. */
    static String apiError(String code, String message) {
        return "{\"status\":\"error\",\"errors\":[{\"errorCode\":\"" + code + "\",\"message\":\"" + message
                + "\",\"propertyPath\":null,\"invalidValue\":null}]}";
    }

    private void installDefaults() {
        server.stubFor(get(urlPathEqualTo(Endpoint.DIALOG.path)).atPriority(DEFAULT)
                .withQueryParam("client_id", equalTo(CLIENT_ID))
                .withQueryParam("redirect_uri", equalTo(REDIRECT_URI))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", base() + Endpoint.HOP.path + "?step=1")
                        .withHeader("Set-Cookie", COOKIE_NAME + "=" + COOKIE_VALUE + "; Path=/; HttpOnly")));
        server.stubFor(get(urlPathEqualTo(Endpoint.HOP.path)).atPriority(DEFAULT)
                .willReturn(aResponse().withStatus(302).withHeader("Location",
                        "/login/page?client_id=" + CLIENT_ID + "&user_id=" + USER_ID + "&user_type=individual")));
        session(Endpoint.OTP, ok(otpAnswer()));
        session(Endpoint.TOTP, ok(totpAnswer()));
        session(Endpoint.PIN, ok(pinAnswer()));
        session(Endpoint.OAUTH, ok(oauthAnswer()));
        server.stubFor(post(urlPathEqualTo(Endpoint.TOKEN.path)).atPriority(DEFAULT)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("client_secret="))
                .willReturn(ok(tokenAnswer())));
    }

    /** A login-service step that answers only within the session (its cookie sent back). */
    private void session(Endpoint endpoint, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlPathEqualTo(endpoint.path)).atPriority(DEFAULT)
                .withCookie(COOKIE_NAME, equalTo(COOKIE_VALUE))
                .willReturn(answer));
        server.stubFor(post(urlPathEqualTo(endpoint.path)).atPriority(NO_SESSION)
                .willReturn(aResponse().withStatus(401)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
