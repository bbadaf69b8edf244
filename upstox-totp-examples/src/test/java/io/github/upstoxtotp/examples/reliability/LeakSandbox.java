package io.github.upstoxtotp.examples.reliability;

import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated Upstox served over loopback HTTP (the examples' sandbox), for an account with
 * distinctive credentials, whose backend records every value the login exchanges: cookies,
 * TOTP codes, the OTP token, the authorization code, the tokens. Those, with the configured
 * credentials, are the secrets a leak scan looks for.
 */
final class LeakSandbox implements AutoCloseable {
    static final String PIN = "583920";
    static final String WRONG_PIN = "731946";
    static final String TOTP_SECRET = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA";
    static final String CLIENT_SECRET = "leak-probe-client-secret-7c1e";
    static final SimulatedAccount ACCOUNT = SimulatedAccount.builder()
            .mobileNumber("9123456780").pin(PIN).totpSecret(TOTP_SECRET).userId("LEAK01")
            .clientId("leak-probe-client").clientSecret(CLIENT_SECRET).redirectUri("http://127.0.0.1/leak-callback")
            .extendedToken(true).build();

    private static final Pattern JSON_VALUE = Pattern.compile(
            "\"(otp|validateOTPToken|validateOtpToken|access_token|extended_token|inputText)\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&\"\\s]+)");

    private final SandboxServer server;
    private final Map<String, String> learned = new ConcurrentHashMap<>();

    LeakSandbox() {
        server = SandboxServer.builder().ports(0).backend((api, service) -> new Recorder(SimulatedUpstox
                .builder(new JacksonJsonPort()).apiBaseUrl(api.toString()).serviceBaseUrl(service.toString())
                .account(ACCOUNT).otpRequestLimit(1000).build())).start();
    }

    /** The {@code UPSTOX_*} settings that log {@link #ACCOUNT} in here. */
    Map<String, String> settings() {
        return new LinkedHashMap<>(Sandbox.settings(server, ACCOUNT));
    }

    /** Every secret, by value, each with a name for the report. */
    Map<String, String> secrets() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(PIN, "PIN");
        s.put(base64(PIN), "PIN (base64)");
        s.put(WRONG_PIN, "wrong PIN");
        s.put(base64(WRONG_PIN), "wrong PIN (base64)");
        s.put(TOTP_SECRET, "TOTP secret");
        s.put(CLIENT_SECRET, "client secret");
        learned.forEach(s::putIfAbsent);
        return s;
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private void learn(String text, String what) {
        if (text != null && text.length() >= 4) {
            learned.putIfAbsent(text, what);
            String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
            if (!decoded.equals(text)) {
                learned.putIfAbsent(decoded, what);
            }
        }
    }

    private void harvest(String text) {
        Matcher m = JSON_VALUE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            learn(m.group(2), name.equals("otp") ? "TOTP code" : name.startsWith("validate") ? "OTP token"
                    : name.equals("inputText") ? "PIN as sent" : name.replace('_', ' '));
        }
        Matcher c = CODE.matcher(text);
        while (c.find()) {
            learn(c.group(1), "authorization code");
        }
    }

    private void cookie(String pair) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
            int end = pair.indexOf(';');
            learn(pair.substring(eq + 1, end < 0 ? pair.length() : end).strip(), "cookie value");
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** The backend: the simulator, with every exchange harvested for secrets. */
    private final class Recorder implements HttpPort {
        private final SimulatedUpstox simulator;

        Recorder(SimulatedUpstox simulator) {
            this.simulator = simulator;
        }

        @Override
        public HttpResponse execute(HttpRequest request) {
            harvest(request.bodyText());
            harvest(request.uri().toString());
            request.headers().all("Cookie").forEach(h -> {
                for (String pair : h.split(";")) {
                    cookie(pair);
                }
            });
            HttpResponse response = simulator.execute(request);
            harvest(response.bodyText());
            response.headers().all("Set-Cookie").forEach(LeakSandbox.this::cookie);
            response.header("Location").ifPresent(LeakSandbox.this::harvest);
            return response;
        }

        @Override
        public void close() {
            simulator.close();
        }
    }
}
