package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static io.github.upstoxtotp.testing.SimClient.apiError;
import static io.github.upstoxtotp.testing.SimClient.loginError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever arrives, {@code execute} answers a 4xx envelope and never throws. */
class SimulatedUpstoxHostileInputTest {
    static final SimulatedAccount DEMO = SimulatedAccount.DEMO;
    static final String OTP = "/login/open/v6/auth/1fa/otp/generate";

    MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:00:00Z"));
    SimulatedUpstox sim;
    SimClient client;

    @BeforeEach
    void setUp() {
        sim = SimulatedUpstox.builder(SimClient.JSON).clock(clock).build();
        client = new SimClient(sim);
        client.resolveDialog(DEMO); // a live session, so that body checks are reached
    }

    @Test
    void malformedAndMistypedBodies() {
        List<String> bodies = List.of("", "{", "null", "[]", "\"x\"", "{\"data\":null}", "{\"data\":[1]}",
                "{\"data\":{\"mobileNumber\":9999999999,\"userId\":1}}", "{\"data\":{\"mobileNumber\":[\"9999999999\"]}}",
                "{\"data\":{}} trailing", "{\"data\":{},\"data\":{}}", "[".repeat(10_000), "{\"data\":{\"mobileNumber\":\"\u0000\"}}");
        for (String body : bodies) {
            HttpResponse r = client.send(client.serviceRequest(OTP).body(body));
            assertEquals(400, r.status(), body.length() > 40 ? body.substring(0, 40) : body);
            assertEquals("1017016", loginError(r));
        }
    }

    @Test
    void invalidUtf8() {
        byte[] bad = {'{', '"', 'd', 'a', 't', 'a', '"', ':', '{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '}'};
        HttpResponse r = client.send(client.serviceRequest(OTP).body(bad));
        assertEquals(400, r.status());
        HttpResponse form = client.send(HttpRequest.post(URI.create(SimClient.API + "/v2/login/authorization/token"))
                .header("content-type", "application/x-www-form-urlencoded").body(new byte[] {'c', '=', (byte) 0xFF}));
        assertEquals(400, form.status());
        assertEquals("UDAPI100036", apiError(form));
    }

    @Test
    void hugeBodiesAre413() {
        byte[] huge = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse r = client.send(client.serviceRequest(OTP).body(huge));
        assertEquals(413, r.status());
        assertEquals("1017016", loginError(r));
        HttpResponse t = client.send(HttpRequest.post(URI.create(SimClient.API + "/v2/login/authorization/token"))
                .header("content-type", "application/x-www-form-urlencoded").body(huge));
        assertEquals(413, t.status());
    }

    @Test
    void brokenEscapesInQueryAndForm() {
        // java.net.URI refuses malformed escapes, so only bad UTF-8 can arrive in a query
        HttpResponse q = client.get(SimClient.API + "/v2/login/authorization/dialog?response_type=code&client_id=%FF%FE&redirect_uri=%C3%28");
        assertEquals(400, q.status());
        assertEquals("UDAPI100068", apiError(q));
        HttpResponse f = client.send(HttpRequest.post(URI.create(SimClient.API + "/v2/login/authorization/token"))
                .header("content-type", "application/x-www-form-urlencoded").body("code=%G1&client_id=%"));
        assertEquals(400, f.status());
        HttpResponse p = client.send(client.serviceRequest("/login/open/v3/auth/2fa?client_id=%C0%80&=&&redirect_uri")
                .body("{\"data\":{}}"));
        assertEquals(400, p.status());
        assertEquals("1017016", loginError(p));
    }

    @Test
    void unknownPathsAndHostsAre404AndWrongMethods405() {
        for (String url : List.of(SimClient.API + "/v2/nothing", SimClient.SERVICE + "/login/open/v9/x", "https://example.com/",
                "https://api.upstox.com:8443/v2/login/authorization/dialog", "https://login.upstox.com/?user_id=x")) {
            HttpResponse r = client.get(url);
            assertEquals(404, r.status(), url);
            assertEquals("UDAPI10000", apiError(r));
        }
        assertEquals(405, client.send(HttpRequest.post(URI.create(SimClient.API + "/v2/login/authorization/dialog"))).status());
        assertEquals(405, client.get(SimClient.SERVICE + OTP).status());
        assertEquals(405, client.send(HttpRequest.newBuilder("DELETE", URI.create(SimClient.API + "/v2/login/authorization/token"))).status());
        assertEquals(5, sim.requestCount(SimulatorEndpoint.UNKNOWN));
    }

    @Test
    void tokenExchangeWithoutFormContentTypeOrFields() {
        HttpResponse json = client.send(HttpRequest.post(URI.create(SimClient.API + "/v2/login/authorization/token"))
                .header("content-type", "application/json").body("{}"));
        assertEquals(400, json.status());
        HttpResponse empty = client.send(HttpRequest.post(URI.create(SimClient.API + "/v2/login/authorization/token"))
                .header("content-type", "application/x-www-form-urlencoded"));
        assertEquals(400, empty.status());
        HttpResponse noSecret = client.send(HttpRequest.post(URI.create(SimClient.API + "/v2/login/authorization/token"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body("grant_type=authorization_code&client_id=sandbox-client&code&&=&redirect_uri"));
        assertEquals(401, noSecret.status());
    }

    @Test
    void hopWithoutCookieAndDialogWithoutParameters() {
        SimClient stranger = new SimClient(sim);
        HttpResponse hop = stranger.get(SimClient.API + "/v2/login/authorization/simulator-hop?client_id=sandbox-client");
        assertEquals(400, hop.status());
        assertEquals("UDAPI100036", apiError(hop));
        HttpResponse bare = stranger.get(SimClient.API + "/v2/login/authorization/dialog");
        assertEquals(400, bare.status());
        HttpResponse noClient = stranger.get(SimClient.API + "/v2/login/authorization/dialog?response_type=code");
        assertEquals("UDAPI100068", apiError(noClient));
    }

    @Test
    void garbageCookiesAndHeaders() {
        HttpResponse r = client.send(client.serviceRequest(OTP)
                .header("Cookie", ";;=;sim_session;sim_session=\"\";x==y")
                .body("{\"data\":{}}"));
        assertTrue(r.status() >= 400 && r.status() < 500);
        assertTrue(sim.requests().stream().allMatch(q -> q.status() < 500));
    }
}
