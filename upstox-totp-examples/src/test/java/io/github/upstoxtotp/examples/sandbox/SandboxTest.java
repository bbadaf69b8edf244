package io.github.upstoxtotp.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.json.moshi.MoshiJsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core's simulator behind the sandbox, spoken to with a plain JDK client. */
class SandboxTest {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void dialogAnswersWithARedirectAndEverySessionCookie() throws Exception {
        sandbox = Sandbox.start(new MoshiJsonPort(), 0);
        SimulatedAccount demo = SimulatedAccount.DEMO;
        URI dialog = URI.create(sandbox.apiBaseUrl() + "/v2/login/authorization/dialog?response_type=code&client_id="
                + demo.clientId() + "&redirect_uri=" + URLEncoder.encode(demo.redirectUri(), StandardCharsets.UTF_8));

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(dialog).build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(r.statusCode() >= 300 && r.statusCode() < 400, () -> "status " + r.statusCode());
        assertTrue(r.headers().firstValue("location").isPresent());
        assertTrue(r.headers().allValues("set-cookie").size() >= 2, () -> r.headers().allValues("set-cookie").toString());
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        sandbox = Sandbox.start(new MoshiJsonPort(), 0);

        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sandbox.serviceBaseUrl() + "/no/such/endpoint"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(404, r.statusCode());
    }

    @Test
    void settingsPointAtBothListenersWithTheDemoCredentialsAndNoPacing() {
        sandbox = Sandbox.start(new MoshiJsonPort(), 0);
        Map<String, String> s = Sandbox.settings(sandbox);

        assertEquals(sandbox.apiBaseUrl().toString(), s.get("UPSTOX_API_BASE_URL"));
        assertEquals(sandbox.serviceBaseUrl().toString(), s.get("UPSTOX_SERVICE_BASE_URL"));
        assertEquals(SimulatedAccount.DEMO.mobileNumber(), s.get("UPSTOX_USERNAME"));
        assertEquals(SimulatedAccount.DEMO.pin(), s.get("UPSTOX_PIN_CODE"));
        assertEquals("0", s.get("UPSTOX_SLEEP_TIME"));
    }
}
