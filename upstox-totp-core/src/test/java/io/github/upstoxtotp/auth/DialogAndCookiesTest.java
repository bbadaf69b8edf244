package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.model.UserIdAndUserType;
import io.github.upstoxtotp.port.HttpResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.upstoxtotp.auth.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step 1's hand-followed redirects, and the session cookies across hops and steps. */
class DialogAndCookiesTest {
    private final ScriptedTransport transport = new ScriptedTransport();

    private LoginMachine machine() {
        return LoginMachine.builder(config()).transport(transport).json(FakeJson.INSTANCE)
                .clock(new MutableClock(NOW)).sleeper(d -> { }).build();
    }

    private static Optional<String> cookie(ScriptedTransport.Sent s) {
        return s.request().headers().first("Cookie");
    }

    private void assertNoUserId(ProtocolException e, String why) {
        assertEquals(LoginStep.AUTHORIZATION_DIALOG, e.step());
        assertEquals("user_id", e.field().orElseThrow());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void stopsAtTheFirstLocationCarryingUserIdWithoutFetchingIt() {
        transport.then(redirect(302, userIdLocation()));
        LoginMachine m = machine();
        assertEquals(new UserIdAndUserType(USER_ID, "individual", CLIENT_ID), m.userIdAndUserType().data());
        assertEquals(1, transport.sent.size());
        assertInstanceOf(LoginState.DialogResolved.class, m.state());
    }

    @Test
    void relativeLocationsResolveAgainstTheCurrentUri() {
        transport.then(redirect(302, "next?a=1"), redirect(303, "/other/path"), redirect(307, "//login.upstox.com/x"),
                redirect(308, "?user_id=" + USER_ID));
        machine().userIdAndUserType();
        assertEquals(URI.create(API + "/v2/login/authorization/next?a=1"), transport.request(1).uri());
        assertEquals(URI.create(API + "/other/path"), transport.request(2).uri());
        assertEquals(URI.create("https://login.upstox.com/x"), transport.request(3).uri());
        assertEquals(4, transport.sent.size());
        for (ScriptedTransport.Sent s : transport.sent) {
            assertEquals("GET", s.request().method());
            assertEquals(LoginStep.AUTHORIZATION_DIALOG, s.step());
        }
    }

    @Test
    void userIdOnTheTenthRedirectIsStillFound() {
        List<HttpResponse> hops = new ArrayList<>();
        for (int i = 1; i < 10; i++) {
            hops.add(redirect(302, "/hop" + i));
        }
        hops.add(redirect(302, userIdLocation()));
        transport.then(hops);
        assertEquals(USER_ID, machine().userIdAndUserType().data().userId());
        assertEquals(10, transport.sent.size());
    }

    @Test
    void atMostTenRequestsAreSent() {
        List<HttpResponse> hops = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            hops.add(redirect(302, "/hop" + i));
        }
        transport.then(hops);
        assertNoUserId(assertThrows(ProtocolException.class, machine()::userIdAndUserType), "after 10 redirects");
        assertEquals(10, transport.sent.size());
    }

    @Test
    void aRedirectLoopIsAProtocolError() {
        transport.then(redirect(302, "/a"), redirect(302, "/b"), redirect(302, "/a"));
        assertNoUserId(assertThrows(ProtocolException.class, machine()::userIdAndUserType), "loop");
        assertEquals(3, transport.sent.size());
    }

    @Test
    void aChainEndingWithoutUserIdIsAProtocolError() {
        transport.then(redirect(302, "https://login.upstox.com/?client_id=" + CLIENT_ID), html(200));
        assertNoUserId(assertThrows(ProtocolException.class, machine()::userIdAndUserType), "HTTP 200");
        transport.then(redirect(302, "/x?user_id="), json(200, Trees.obj("ok", true)));
        assertNoUserId(assertThrows(ProtocolException.class, machine()::userIdAndUserType), "HTTP 200");
    }

    @Test
    void aRedirectWithoutLocationNamesTheHeader() {
        transport.then(new HttpResponse(302, io.github.upstoxtotp.port.HttpHeaders.empty(), null));
        ProtocolException e = assertThrows(ProtocolException.class, machine()::userIdAndUserType);
        assertEquals("Location", e.field().orElseThrow());
    }

    @Test
    void aLocationThatCannotBeFetchedIsAProtocolErrorUnlessItCarriesUserId() {
        transport.then(redirect(302, "upstox://login?user_id=" + USER_ID));
        assertEquals(USER_ID, machine().userIdAndUserType().data().userId());
        transport.then(redirect(302, "upstox://login?x=1"));
        assertEquals("Location", assertThrows(ProtocolException.class, machine()::userIdAndUserType).field().orElseThrow());
        transport.then(redirect(302, "https://bad host/"));
        assertEquals("Location", assertThrows(ProtocolException.class, machine()::userIdAndUserType).field().orElseThrow());
    }

    @Test
    void aJsonAnswerInsteadOfARedirectIsDecodedAsAnError() {
        transport.then(apiError(200, "errorCode", "UDAPI100068", "Check your 'client_id' and 'redirect_uri'", APP_REDIRECT));
        UpstoxApiException e = assertThrows(UpstoxApiException.class, machine()::userIdAndUserType);
        assertEquals("UDAPI100068", e.code().orElseThrow());
        assertEquals(UpstoxErrorCode.UDAPI100068.tip(), e.tip().orElseThrow());
    }

    @Test
    void cookiesAreCarriedAcrossHopsAndSteps() {
        transport.then(
                redirect(302, "/v2/login/authorization/next", "sid=s1; Path=/; Domain=.upstox.com; Max-Age=3600; Secure; HttpOnly"),
                redirect(302, userIdLocation(), "hop=h2; Path=/v2"),
                success(otpData(), "Set-Cookie", "svc=v3; Path=/; HttpOnly"),
                success(verifyData()),
                success(pinData()),
                success(oauthData()),
                json(200, tokenBody()));
        machine().accessToken();
        List<ScriptedTransport.Sent> s = transport.sent;
        assertTrue(cookie(s.get(0)).isEmpty());
        assertEquals(Optional.of("sid=s1"), cookie(s.get(1)), "plain name=value, also for a Max-Age cookie");
        assertEquals(Optional.of("sid=s1"), cookie(s.get(2)), "domain cookie goes to the service host; /v2 one does not match");
        assertEquals(2, cookie(s.get(3)).orElseThrow().split("; ").length);
        assertTrue(cookie(s.get(3)).orElseThrow().contains("svc=v3"));
        assertTrue(cookie(s.get(4)).orElseThrow().contains("sid=s1"));
        assertTrue(cookie(s.get(5)).orElseThrow().contains("svc=v3"));
        assertTrue(cookie(s.get(6)).isEmpty(), "no session cookies on the token exchange");
    }

    @Test
    void resetClearsCookies() {
        transport.then(redirect(302, userIdLocation(), "sid=s1; Path=/; Domain=.upstox.com"));
        LoginMachine m = machine();
        m.userIdAndUserType();
        m.reset();
        transport.then(redirect(302, "/again", "other=1; Path=/"), redirect(302, userIdLocation()));
        m.userIdAndUserType();
        assertTrue(cookie(transport.sent.get(1)).isEmpty(), "the old session's cookie is gone");
        assertEquals(Optional.of("other=1"), cookie(transport.sent.get(2)));
    }

    @Test
    void sessionCookiesFollowDomainAndPathRules() {
        SessionCookies jar = new SessionCookies();
        URI api = URI.create(API + "/v2/login/authorization/dialog");
        jar.store(api, redirect(302, "/x", "a=1; Path=/", "b=2; Path=/v2/login", "c=3; Path=/v2/log", "d=4; Domain=.upstox.com; Path=/"));
        assertEquals(4, jar.size());
        List<String> forApi = List.of(jar.header(api).split("; "));
        assertTrue(forApi.containsAll(List.of("a=1", "b=2", "d=4")), forApi.toString());
        assertTrue(!forApi.contains("c=3"), "/v2/log does not path-match /v2/login/...");
        assertEquals("d=4", jar.header(URI.create(SERVICE + "/login/open/v3/auth/2fa")));
        assertEquals("", jar.header(URI.create("https://example.com/")));
        jar.clear();
        assertEquals(0, jar.size());
    }
}
