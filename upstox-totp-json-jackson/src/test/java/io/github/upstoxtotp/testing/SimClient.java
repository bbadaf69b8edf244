package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonText;
import io.github.upstoxtotp.port.JsonValue;
import io.github.upstoxtotp.totp.TotpGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A hand-rolled client of the simulator, as the core's login flow will speak to it: one
 * session, cookies kept in a JDK {@link CookieManager} (so the simulator's cookie attributes
 * are checked the way the real client will read them), one {@code x-request-id}.
 */
final class SimClient {
    static final JsonPort JSON = new JacksonJsonPort();
    static final String API = "https://api.upstox.com";
    static final String SERVICE = "https://service.upstox.com";
    static final String INTERNAL = "https://api-v2.upstox.com/login/authorization/redirect";

    final HttpPort port;
    final String api;
    final String service;
    final String requestId;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    SimClient(HttpPort port) {
        this(port, API, SERVICE);
    }

    SimClient(HttpPort port, String api, String service) {
        this.port = port;
        this.api = api;
        this.service = service;
        StringBuilder id = new StringBuilder("WPRO-");
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 10; i++) {
            id.append(alnum.charAt(ThreadLocalRandom.current().nextInt(alnum.length())));
        }
        this.requestId = id.toString();
    }

    // ---- raw exchanges -------------------------------------------------------------------

    HttpResponse send(HttpRequest.Builder b) {
        HttpRequest r = b.build();
        try {
            Map<String, List<String>> c = cookies.get(r.uri(), Map.of());
            for (String v : c.getOrDefault("Cookie", List.of())) {
                b.header("Cookie", v);
            }
            HttpResponse resp = port.execute(b.build());
            cookies.put(r.uri(), Map.of("Set-Cookie", resp.headers().all("Set-Cookie")));
            return resp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse get(String url) {
        return send(HttpRequest.get(URI.create(url)));
    }

    /** A login-service POST with the browser-like headers and {@code {"data":data}}. */
    HttpResponse postService(String pathAndQuery, JsonObject data) {
        return send(serviceRequest(pathAndQuery).body(JsonText.write(JsonObject.builder().put("data", data).build())));
    }

    HttpRequest.Builder serviceRequest(String pathAndQuery) {
        return HttpRequest.post(URI.create(service + pathAndQuery))
                .header("accept", "application/json")
                .header("content-type", "application/json")
                .header("origin", "https://login.upstox.com")
                .header("referer", "https://login.upstox.com/")
                .header("x-request-id", requestId);
    }

    HttpResponse postForm(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.post(URI.create(api + "/v2/login/authorization/token"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept", "application/json")
                .body(body.toString()));
    }

    // ---- the six steps -------------------------------------------------------------------

    HttpResponse dialog(String clientId, String redirectUri) {
        return get(api + "/v2/login/authorization/dialog?response_type=code&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(redirectUri));
    }

    /** Step 1 with redirects followed by hand until {@code user_id} appears; the login page's query. */
    Map<String, String> resolveDialog(SimulatedAccount a) {
        HttpResponse r = dialog(a.clientId(), a.redirectUri());
        for (int hops = 0; hops < 10; hops++) {
            if (!r.isRedirect()) {
                throw new AssertionError("dialog ended without user_id: HTTP " + r.status() + " " + r.bodyText());
            }
            String location = r.header("Location").orElseThrow();
            Map<String, String> q = query(URI.create(location).getRawQuery());
            if (q.containsKey("user_id")) {
                return q;
            }
            r = get(location);
        }
        throw new AssertionError("too many hops");
    }

    HttpResponse otpGenerate(String mobile, String userId) {
        JsonObject.Builder d = JsonObject.builder().put("mobileNumber", mobile);
        if (userId != null) {
            d.put("userId", userId);
        }
        return postService("/login/open/v6/auth/1fa/otp/generate", d.build());
    }

    HttpResponse totpVerify(String otp, String token) {
        return postService("/login/open/v4/auth/1fa/otp-totp/verify",
                JsonObject.builder().put("otp", otp).put("validateOtpToken", token).build());
    }

    HttpResponse pin(String clientId, String inputText) {
        return postService("/login/open/v3/auth/2fa?client_id=" + enc(clientId) + "&redirect_uri=" + enc(INTERNAL),
                JsonObject.builder().put("twoFAMethod", "SECRET_PIN").put("inputText", inputText).build());
    }

    HttpResponse authorize(String clientId) {
        return postService("/login/v2/oauth/authorize?client_id=" + enc(clientId) + "&redirect_uri=" + enc(INTERNAL)
                        + "&requestId=" + requestId + "&response_type=code",
                JsonObject.builder().put("userOAuthApproval", true).build());
    }

    HttpResponse token(SimulatedAccount a, String code, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("client_id", a.clientId());
        form.put("client_secret", secret);
        form.put("redirect_uri", a.redirectUri());
        form.put("grant_type", "authorization_code");
        return postForm(form);
    }

    // ---- whole runs ----------------------------------------------------------------------

    /** Steps 1-3; answers the session ready for the PIN. */
    void throughTotp(SimulatedAccount a, Clock clock) {
        String userId = resolveDialog(a).get("user_id");
        String token = str(data(ok(otpGenerate(a.mobileNumber(), userId))), "validateOTPToken");
        ok(totpVerify(totp(a, clock), token));
    }

    /** Steps 1-5; the authorization code. */
    String throughAuthorize(SimulatedAccount a, Clock clock) {
        throughTotp(a, clock);
        ok(pin(a.clientId(), b64(a.pin())));
        String redirect = str(data(ok(authorize(a.clientId()))), "redirectUri");
        return query(URI.create(redirect).getRawQuery()).get("code");
    }

    /** A full login; the token endpoint's body. */
    JsonObject login(SimulatedAccount a, Clock clock) {
        String code = throughAuthorize(a, clock);
        HttpResponse r = token(a, code, a.clientSecret());
        if (r.status() != 200) {
            throw new AssertionError("token exchange failed: " + r.status() + " " + r.bodyText());
        }
        return (JsonObject) JSON.parse(r.body());
    }

    // ---- helpers -------------------------------------------------------------------------

    static String totp(SimulatedAccount a, Clock clock) {
        return TotpGenerator.forBase32Secret(a.totpSecret().toCharArray()).generate(clock.instant());
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject body(HttpResponse r) {
        return (JsonObject) JSON.parse(r.body());
    }

    static HttpResponse ok(HttpResponse r) {
        if (r.status() != 200 || !(body(r).get("success").orElse(null) instanceof io.github.upstoxtotp.port.JsonBoolean b && b.value())) {
            throw new AssertionError("expected success, got HTTP " + r.status() + " " + r.bodyText());
        }
        return r;
    }

    static JsonObject data(HttpResponse r) {
        return (JsonObject) body(r).get("data").orElseThrow();
    }

    static String str(JsonObject o, String name) {
        JsonValue v = o.get(name).orElseThrow(() -> new AssertionError("no member " + name));
        return ((JsonString) v).value();
    }

    /** The login-service error code of a response, or null. */
    static String loginError(HttpResponse r) {
        return body(r).get("error").filter(e -> e instanceof JsonObject).map(e -> str((JsonObject) e, "code")).orElse(null);
    }

    static String loginMessage(HttpResponse r) {
        return str((JsonObject) body(r).get("error").orElseThrow(), "message");
    }

    /** The API envelope's first error code (camel-case member), or null. */
    static String apiError(HttpResponse r) {
        JsonObject b = body(r);
        if (!"error".equals(b.get("status").filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).value()).orElse(null))) {
            return null;
        }
        JsonObject e = (JsonObject) ((io.github.upstoxtotp.port.JsonArray) b.get("errors").orElseThrow()).get(0);
        return str(e, "errorCode");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            out.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
