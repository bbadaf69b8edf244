package io.github.upstoxtotp.examples.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.upstoxtotp.examples.reliability.FaultScenario.scenario;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.AUTH_CODE;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.CLIENT_ID;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.CLIENT_SECRET;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.COOKIE_NAME;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.COOKIE_VALUE;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.OVERRIDE;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.PIN_BASE64;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.REDIRECT_URI;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.USER_ID;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.apiError;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.json;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.loginError;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.ok;
import static io.github.upstoxtotp.examples.reliability.ScriptedUpstox.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.upstoxtotp.auth.UpstoxErrorCode;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.examples.reliability.ScriptedUpstox.Endpoint;
import io.github.upstoxtotp.port.TransportException;
import io.github.upstoxtotp.port.TransportException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of faults the login must survive: what the server does wrong, and what the
 * client must do. Each scenario changes one thing in {@link ScriptedUpstox}'s correct script.
 */
final class FaultScenarios {
    private static final String SERVER_TIP = UpstoxErrorCode.UDAPI100500.tip();
    private static final String SLOW_DOWN_TIP = UpstoxErrorCode.UDAPI10005.tip();
    private static final String HTML = "<!doctype html><html><head><title>Upstox Login</title></head>"
            + "<body><div id=\"root\"></div></body></html>";
    /** JSON cut off in the middle of a member: what a proxy that truncates bodies produces. */
    private static final String TRUNCATED = "{\"success\":true,\"data\":{\"message\":\"OK\",\"userType\":";

    private FaultScenarios() {
    }

    static List<FaultScenario> all() {
        List<FaultScenario> all = new ArrayList<>();
        all.add(scenario("the correct script logs in, every endpoint requested once").sent(Endpoint.TOKEN, 1));
        transport(all);
        serverErrors(all);
        throttling(all);
        notJson(all);
        missingFields(all);
        redirectChain(all);
        rejections(all);
        return all;
    }

    private static void transport(List<FaultScenario> all) {
        all.add(scenario("connection refused at the API: the dialog is tried 3 times, then CONNECT")
                .given(s -> s.apiBase("http://127.0.0.1:" + ScriptedUpstox.closedPort()))
                .fails(TransportException.class, LoginStep.AUTHORIZATION_DIALOG).message("could not connect")
                .clientAttempts(3).then(kind(Kind.CONNECT)));
        all.add(scenario("connection refused at the login service: OTP generation tried 3 times (never reached it)")
                .given(s -> s.serviceBase("http://127.0.0.1:" + ScriptedUpstox.closedPort()))
                .fails(TransportException.class, LoginStep.OTP_GENERATE).message("could not connect")
                .sent(Endpoint.OTP, 0).clientAttempts(2 + 3).then(kind(Kind.CONNECT)));
        all.add(scenario("connection reset after the PIN was sent: IO, the PIN is never re-sent")
                .given(s -> s.override(Endpoint.PIN, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)))
                .fails(TransportException.class, LoginStep.PIN_2FA).message("failed after connecting")
                .sent(Endpoint.PIN, 1).then(kind(Kind.IO)));
        all.add(scenario("empty response to the dialog GET: retried twice, then IO")
                .given(s -> s.override(Endpoint.DIALOG, aResponse().withFault(Fault.EMPTY_RESPONSE)))
                .fails(TransportException.class, LoginStep.AUTHORIZATION_DIALOG).message("failed after connecting")
                .sent(Endpoint.DIALOG, 3).then(kind(Kind.IO)));
        all.add(scenario("token answer cut mid-body (malformed chunk): IO, the single-use code is not re-sent")
                .given(s -> s.override(Endpoint.TOKEN, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)))
                .fails(TransportException.class, LoginStep.TOKEN_EXCHANGE).message("failed after connecting")
                .sent(Endpoint.TOKEN, 1).then(kind(Kind.IO)));
        all.add(scenario("garbage bytes then close at OTP generation: IO, not re-sent")
                .given(s -> s.override(Endpoint.OTP, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)))
                .fails(TransportException.class, LoginStep.OTP_GENERATE).message("failed after connecting")
                .sent(Endpoint.OTP, 1).then(kind(Kind.IO)));
        all.add(scenario("read timeout at TOTP verification: TIMEOUT after one attempt")
                .given(s -> s.override(Endpoint.TOTP, ok(ScriptedUpstox.totpAnswer()).withFixedDelay(1500)))
                .timeout(Duration.ofMillis(300))
                .fails(TransportException.class, LoginStep.TOTP_VERIFY).message("no complete response within 300 ms")
                .sent(Endpoint.TOTP, 1).then(kind(Kind.TIMEOUT)));
        all.add(scenario("read timeout at the dialog GET: retried twice, then TIMEOUT")
                .given(s -> s.override(Endpoint.DIALOG, aResponse().withStatus(302).withFixedDelay(1500)))
                .timeout(Duration.ofMillis(300))
                .fails(TransportException.class, LoginStep.AUTHORIZATION_DIALOG).message("no complete response within")
                .sent(Endpoint.DIALOG, 3).then(kind(Kind.TIMEOUT)));
    }

    private static void serverErrors(List<FaultScenario> all) {
        all.add(scenario("HTTP 503 at the dialog: retried twice, then the status and a tip")
                .given(s -> s.override(Endpoint.DIALOG, aResponse().withStatus(503)))
                .fails(UpstoxApiException.class, LoginStep.AUTHORIZATION_DIALOG).message("HTTP 503").tip(SERVER_TIP)
                .sent(Endpoint.DIALOG, 3));
        int[] statuses = {500, 502, 500, 504, 500};
        Endpoint[] posts = {Endpoint.OTP, Endpoint.TOTP, Endpoint.PIN, Endpoint.OAUTH, Endpoint.TOKEN};
        for (int i = 0; i < posts.length; i++) {
            Endpoint e = posts[i];
            int status = statuses[i];
            all.add(scenario("HTTP " + status + " at " + e + ": a POST is never retried")
                    .given(s -> s.override(e, aResponse().withStatus(status).withBody("upstream failed")))
                    .fails(UpstoxApiException.class, step(e)).message("HTTP " + status).tip(SERVER_TIP)
                    .sent(e, 1));
        }
        all.add(scenario("HTTP 500 with an API envelope at OAuth: the server's code UDAPI100500")
                .given(s -> s.override(Endpoint.OAUTH, json(500, apiError("UDAPI100500", "Something went wrong"))))
                .fails(UpstoxApiException.class, LoginStep.OAUTH_AUTHORIZE).message("UDAPI100500", "Something went wrong")
                .tip(SERVER_TIP).sent(Endpoint.OAUTH, 1).then(code("UDAPI100500")));
        all.add(scenario("one HTTP 503 at the dialog, then the right answer: the login succeeds")
                .given(s -> s.stub(request(Endpoint.DIALOG).atPriority(OVERRIDE).inScenario("flaky")
                        .whenScenarioStateIs(STARTED).willSetStateTo("recovered")
                        .willReturn(aResponse().withStatus(503))))
                .sent(Endpoint.TOKEN, 1).alsoSent(Endpoint.DIALOG.path, 2));
    }

    private static void throttling(List<FaultScenario> all) {
        all.add(scenario("HTTP 429 at OTP generation: never re-sent (it counts towards the 10-minute block)")
                .given(s -> s.override(Endpoint.OTP, json(429, apiError("UDAPI10005", "Too Many Request Sent"))))
                .fails(UpstoxApiException.class, LoginStep.OTP_GENERATE).message("UDAPI10005").tip(SLOW_DOWN_TIP)
                .sent(Endpoint.OTP, 1).then(code("UDAPI10005")));
        all.add(scenario("HTTP 429 at the PIN: never re-sent (five PINs lock the account)")
                .given(s -> s.override(Endpoint.PIN, aResponse().withStatus(429).withHeader("Retry-After", "1")))
                .fails(UpstoxApiException.class, LoginStep.PIN_2FA).message("HTTP 429").tip(SLOW_DOWN_TIP)
                .sent(Endpoint.PIN, 1));
        all.add(scenario("HTTP 429 at OAuth every time: 2 retries after Retry-After, then the 429")
                .given(s -> s.override(Endpoint.OAUTH, aResponse().withStatus(429).withHeader("Retry-After", "1")))
                .fails(UpstoxApiException.class, LoginStep.OAUTH_AUTHORIZE).message("HTTP 429").tip(SLOW_DOWN_TIP)
                .sent(Endpoint.OAUTH, 3));
        all.add(scenario("HTTP 429 UDAPI10005 at the token exchange: 2 retries, then the code and its tip")
                .given(s -> s.override(Endpoint.TOKEN, json(429, apiError("UDAPI10005", "Too Many Request Sent"))))
                .fails(UpstoxApiException.class, LoginStep.TOKEN_EXCHANGE).message("UDAPI10005", "Too Many Request Sent")
                .tip(SLOW_DOWN_TIP).sent(Endpoint.TOKEN, 3).then(code("UDAPI10005")));
        all.add(scenario("UDAPI10005 in an HTTP 200 body at the dialog: throttled all the same, 2 retries")
                .given(s -> s.override(Endpoint.DIALOG, ok(apiError("UDAPI10005", "Too Many Request Sent"))))
                .fails(UpstoxApiException.class, LoginStep.AUTHORIZATION_DIALOG).message("UDAPI10005")
                .tip(SLOW_DOWN_TIP).sent(Endpoint.DIALOG, 3).then(code("UDAPI10005")));
        all.add(scenario("one HTTP 429 at TOTP verification, then the right answer: the login succeeds")
                .given(s -> s.stub(request(Endpoint.TOTP).atPriority(OVERRIDE).inScenario("throttled")
                        .whenScenarioStateIs(STARTED).willSetStateTo("cooled")
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))))
                .sent(Endpoint.TOKEN, 1).alsoSent(Endpoint.TOTP.path, 2));
    }

    private static void notJson(List<FaultScenario> all) {
        for (Endpoint e : new Endpoint[] {Endpoint.DIALOG, Endpoint.OTP, Endpoint.TOTP, Endpoint.PIN, Endpoint.OAUTH,
                Endpoint.TOKEN}) {
            boolean dialog = e == Endpoint.DIALOG;
            all.add(notJsonScenario("malformed JSON", e, ok(TRUNCATED), dialog ? "(not JSON)" : "not JSON (application/json"));
            all.add(notJsonScenario("an HTML page instead of JSON", e,
                    aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(HTML),
                    dialog ? "(not JSON)" : "not JSON (text/html"));
        }
        all.add(scenario("an empty HTTP 200 at the PIN: a protocol error, not re-sent")
                .given(s -> s.override(Endpoint.PIN, aResponse().withStatus(200)))
                .fails(ProtocolException.class, LoginStep.PIN_2FA).message("an empty body").field("body")
                .sent(Endpoint.PIN, 1));
    }

    private static FaultScenario notJsonScenario(String what, Endpoint e, ResponseDefinitionBuilder answer, String says) {
        boolean dialog = e == Endpoint.DIALOG;
        return scenario(what + " at " + e)
                .given(s -> s.override(e, answer))
                .fails(ProtocolException.class, step(e)).message(says).field(dialog ? "user_id" : "body")
                .sent(e, 1);
    }

    private static void missingFields(List<FaultScenario> all) {
        all.add(missing(Endpoint.OTP, "data.validateOTPToken",
                "{\"success\":true,\"data\":{\"message\":\"OTP sent\",\"nextRequestInterval\":30},\"error\":null}"));
        all.add(missing(Endpoint.OTP, "data", "{\"success\":true,\"error\":null}"));
        all.add(missing(Endpoint.TOTP, "data", "{\"success\":true,\"data\":null,\"error\":null}"));
        all.add(missing(Endpoint.TOTP, "data.userProfile.profileId",
                "{\"success\":true,\"data\":{\"userProfile\":{\"userId\":\"" + USER_ID + "\"}},\"error\":null}"));
        all.add(missing(Endpoint.PIN, "data", "{\"success\":true}"));
        all.add(missing(Endpoint.OAUTH, "data.redirectUri", "{\"success\":true,\"data\":{\"isApproved\":true}}"));
        all.add(missing(Endpoint.TOKEN, "access_token",
                "{\"email\":\"ravi@example.com\",\"user_id\":\"" + USER_ID + "\",\"extended_token\":null}"));
    }

    private static FaultScenario missing(Endpoint e, String field, String body) {
        return scenario("required field " + field + " missing at " + e)
                .given(s -> s.override(e, ok(body)))
                .fails(ProtocolException.class, step(e)).message(field + " missing").field(field)
                .sent(e, 1);
    }

    private static void redirectChain(List<FaultScenario> all) {
        all.add(scenario("the redirect chain ends at a page without user_id")
                .given(s -> {
                    s.override(Endpoint.HOP, aResponse().withStatus(302)
                            .withHeader("Location", "/login/page?client_id=" + CLIENT_ID + "&user_type=individual"));
                    s.stub(get(urlPathEqualTo("/login/page")).atPriority(OVERRIDE).willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "text/html").withBody(HTML)));
                })
                .fails(ProtocolException.class, LoginStep.AUTHORIZATION_DIALOG).message("user_id missing")
                .field("user_id").sent(Endpoint.OTP, 0).alsoSent("/login/page", 1));
        all.add(scenario("a redirect loop without user_id: stopped at the first repeated hop")
                .given(s -> {
                    s.override(Endpoint.HOP, aResponse().withStatus(302).withHeader("Location", "/login/hop2"));
                    s.stub(get(urlPathEqualTo("/login/hop2")).atPriority(OVERRIDE).willReturn(aResponse().withStatus(302)
                            .withHeader("Location", "/login/hop?step=1")));
                })
                .fails(ProtocolException.class, LoginStep.AUTHORIZATION_DIALOG).message("redirect loop", "user_id missing")
                .field("user_id").sent(Endpoint.OTP, 0).alsoSent("/login/hop2", 1));
        FaultScenario longChain = scenario("a redirect chain longer than 10 hops: stopped after 10 requests")
                .given(s -> {
                    s.override(Endpoint.HOP, aResponse().withStatus(302).withHeader("Location", "/login/chain/1"));
                    for (int i = 1; i <= 20; i++) {
                        s.stub(get(urlPathEqualTo("/login/chain/" + i)).atPriority(OVERRIDE)
                                .willReturn(aResponse().withStatus(302).withHeader("Location", "/login/chain/" + (i + 1))));
                    }
                })
                .fails(ProtocolException.class, LoginStep.AUTHORIZATION_DIALOG).message("no user_id after 10 redirects")
                .field("user_id").sent(Endpoint.OTP, 0);
        for (int i = 1; i <= 8; i++) {
            longChain.alsoSent("/login/chain/" + i, 1);
        }
        all.add(longChain);
        all.add(scenario("no code in the OAuth answer's redirect URI")
                .given(s -> s.override(Endpoint.OAUTH, ok("{\"success\":true,\"data\":{\"redirectUri\":\""
                        + REDIRECT_URI + "?state=abc\",\"isApproved\":true}}")))
                .fails(ProtocolException.class, LoginStep.OAUTH_AUTHORIZE).message("carries no code")
                .field("data.redirectUri").sent(Endpoint.OAUTH, 1));
        all.add(scenario("the session cookie comes back without: Secure over plain HTTP, so not sent; 401 names the session")
                .given(s -> s.override(Endpoint.DIALOG, aResponse().withStatus(302)
                        .withHeader("Location", s.base() + Endpoint.HOP.path + "?step=1")
                        .withHeader("Set-Cookie", COOKIE_NAME + "=" + COOKIE_VALUE + "; Path=/; Secure; HttpOnly")))
                .fails(UpstoxApiException.class, LoginStep.OTP_GENERATE).message("HTTP 401")
                .tip("refused the session").sent(Endpoint.OTP, 1));
        all.add(scenario("the dialog sets no session cookie at all: the login service answers 401 at once")
                .given(s -> s.override(Endpoint.DIALOG, aResponse().withStatus(302)
                        .withHeader("Location", s.base() + Endpoint.HOP.path + "?step=1")))
                .fails(UpstoxApiException.class, LoginStep.OTP_GENERATE).message("HTTP 401")
                .tip("refused the session").sent(Endpoint.OTP, 1));
    }

    private static void rejections(List<FaultScenario> all) {
        all.add(scenario("HTTP 401 UDAPI100016 at the token exchange (message echoing the client secret)")
                .given(s -> s.override(Endpoint.TOKEN, json(401, apiError("UDAPI100016",
                        "Invalid Credentials: client_secret " + CLIENT_SECRET))))
                .fails(UpstoxApiException.class, LoginStep.TOKEN_EXCHANGE).message("UDAPI100016", "Invalid Credentials")
                .tip(UpstoxErrorCode.UDAPI100016.tip()).sent(Endpoint.TOKEN, 1).then(code("UDAPI100016")));
        all.add(scenario("UDAPI100068 at the dialog: client_id / redirect_uri mismatch, not retried")
                .given(s -> s.override(Endpoint.DIALOG, json(400, apiError("UDAPI100068",
                        "Check your 'client_id' and 'redirect_uri'; one or both are incorrect."))))
                .fails(UpstoxApiException.class, LoginStep.AUTHORIZATION_DIALOG).message("UDAPI100068")
                .tip(UpstoxErrorCode.UDAPI100068.tip()).sent(Endpoint.DIALOG, 1).then(code("UDAPI100068")));
        all.add(scenario("1017069 OTP requests blocked: not retried, and no later call sends anything")
                .given(s -> s.override(Endpoint.OTP, ok(loginError("1017069",
                        "OTP requests are blocked for 10 minutes"))))
                .fails(UpstoxApiException.class, LoginStep.OTP_GENERATE).message("1017069")
                .tip(UpstoxErrorCode.OTP_REQUESTS_BLOCKED.tip()).sent(Endpoint.OTP, 1).guarded()
                .then(code("1017069")));
        all.add(scenario("wrong TOTP ('attempts left', echoing the code): the TOTP tip, no later call sends anything")
                .given(s -> s.override(Endpoint.TOTP, ok(loginError("1017016",
                        "Invalid OTP " + ScriptedUpstox.totpCodes().get(1) + ". 4 attempts left"))))
                .fails(UpstoxApiException.class, LoginStep.TOTP_VERIFY).message("attempts left")
                .tip(UpstoxErrorCode.WRONG_TOTP_TIP).sent(Endpoint.TOTP, 1).guarded());
        all.add(scenario("wrong PIN 1017106 (echoing its base64): sent once, never again")
                .given(s -> s.override(Endpoint.PIN, ok(loginError("1017106",
                        "You have entered an incorrect PIN " + PIN_BASE64))))
                .fails(UpstoxApiException.class, LoginStep.PIN_2FA).message("1017106", "incorrect PIN")
                .tip(UpstoxErrorCode.WRONG_PIN.tip()).sent(Endpoint.PIN, 1).guarded().then(code("1017106")));
        all.add(scenario("success:false without an error object at the PIN: a rejection without a code, not re-sent")
                .given(s -> s.override(Endpoint.PIN, ok("{\"success\":false,\"data\":null}")))
                .fails(UpstoxApiException.class, LoginStep.PIN_2FA).message("no error code")
                .sent(Endpoint.PIN, 1).guarded());
        all.add(scenario("authorization code echoed in an OAuth error: masked")
                .given(s -> s.override(Endpoint.TOKEN, json(400, apiError("UDAPI100036",
                        "Invalid input: code " + AUTH_CODE + " already used"))))
                .fails(UpstoxApiException.class, LoginStep.TOKEN_EXCHANGE).message("UDAPI100036", "already used")
                .tip(UpstoxErrorCode.UDAPI100036.tip()).sent(Endpoint.TOKEN, 1));
    }

    private static LoginStep step(Endpoint e) {
        return e == Endpoint.HOP ? LoginStep.AUTHORIZATION_DIALOG : LoginStep.values()[Math.max(0, e.ordinal() - 1)];
    }

    private static java.util.function.Consumer<Throwable> kind(Kind kind) {
        return e -> assertEquals(kind, assertInstanceOf(TransportException.class, e).kind(), "transport failure kind");
    }

    private static java.util.function.Consumer<Throwable> code(String code) {
        return e -> assertEquals(code, assertInstanceOf(UpstoxApiException.class, e).code().orElse(null), "server code");
    }
}
