package io.github.upstoxtotp.examples.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.auth.LoginProtocol;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile requests to the sandbox (the simulator over real loopback HTTP), written byte by byte
 * on a raw socket so that nothing tidies them up: huge bodies, invalid UTF-8, wrong content
 * types, garbage and absurdly nested JSON, absurd headers, broken percent-encoding, lying
 * lengths, bad chunking, unknown methods. Each is answered with a 4xx — never a 5xx, which is
 * what the sandbox answers when the simulator behind it throws — and afterwards a real login
 * through the same sandbox still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class SandboxHostileRequestTest {
    private static final String OTP = LoginProtocol.SEED.otpGeneratePath();
    private static final String TOKEN = LoginProtocol.SEED.tokenPath();
    private static final String DIALOG = LoginProtocol.SEED.dialogPath();

    private SandboxServer sandbox;
    private int tried;
    private int passed;

    @BeforeAll
    void start() {
        sandbox = Sandbox.start(new JacksonJsonPort(), 0);
    }

    @AfterAll
    void stop() {
        sandbox.close();
        System.out.println("sandbox hostile requests: " + tried + " tried, " + passed + " answered 4xx");
    }

    Stream<Arguments> hostileRequests() {
        List<Arguments> all = new ArrayList<>();
        all.add(req("a body over the limit (300 KiB)", "service", post(OTP, "application/json", bytes(300 * 1024, 'a'))));
        all.add(req("invalid UTF-8 in a JSON body", "service", post(OTP, "application/json",
                new byte[] {'{', '"', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'})));
        all.add(req("a JSON body sent as text/plain", "service", post(OTP, "text/plain",
                "{\"data\":{\"mobileNumber\":\"9999999999\",\"userId\":\"DEMO01\"}}".getBytes(StandardCharsets.UTF_8))));
        all.add(req("a JSON body sent as multipart", "service", post(OTP, "multipart/form-data; boundary=x",
                "--x\r\n\r\n{}\r\n--x--".getBytes(StandardCharsets.UTF_8))));
        all.add(req("garbage instead of JSON", "service", post(OTP, "application/json",
                "{{{{\"data\"::]]]]".getBytes(StandardCharsets.UTF_8))));
        all.add(req("100,000 nested arrays", "service", post(OTP, "application/json", bytes(100_000, '['))));
        all.add(req("a 13-digit mobile number as a 400-digit JSON number", "service", post(OTP, "application/json",
                ("{\"data\":{\"mobileNumber\":" + "9".repeat(400) + ",\"userId\":\"DEMO01\"}}").getBytes(StandardCharsets.UTF_8))));
        all.add(req("a 60 KB header value", "service", raw("POST " + OTP + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "X-Device-Details: " + "d".repeat(60_000) + "\r\nContent-Length: 2\r\n\r\n{}")));
        all.add(req("150 cookies of garbage", "service", raw("POST " + OTP + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nCookie: " + "a=%ZZ; =; ;;".repeat(150) + "\r\nContent-Length: 2\r\n\r\n{}")));
        all.add(req("broken percent-encoding in the dialog's query", "api", raw("GET " + DIALOG
                + "?response_type=code&client_id=%ZZ&redirect_uri=%E0%A4 HTTP/1.1\r\nHost: x\r\n\r\n")));
        all.add(req("the dialog without any parameter", "api", raw("GET " + DIALOG + " HTTP/1.1\r\nHost: x\r\n\r\n")));
        all.add(req("a token form with invalid UTF-8 and a 100 KB secret", "api", post(TOKEN,
                "application/x-www-form-urlencoded", concat(("code=x&client_secret=" + "s".repeat(100_000) + "&redirect_uri=")
                        .getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE}))));
        all.add(req("a token exchange sent as JSON", "api", post(TOKEN, "application/json",
                "{\"code\":\"x\",\"client_secret\":\"y\"}".getBytes(StandardCharsets.UTF_8))));
        all.add(req("an unknown method", "api", raw("BREW " + DIALOG + " HTTP/1.1\r\nHost: x\r\n\r\n")));
        all.add(req("GET on a POST-only endpoint", "service", raw("GET " + OTP + " HTTP/1.1\r\nHost: x\r\n\r\n")));
        all.add(req("an unknown path full of dots", "api", raw("GET /../../etc/passwd%00 HTTP/1.1\r\nHost: x\r\n\r\n")));
        all.add(req("a Content-Length that is not a number", "service", raw("POST " + OTP
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12abc\r\n\r\n{}")));
        all.add(req("an invalid chunk size", "service", raw("POST " + OTP + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n")));
        all.add(req("a request line of garbage", "api", raw("\u0001\u0002 GARBAGE\r\n\r\n")));
        return all.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestIsAnswered4xxAndTheSandboxSurvives(String what, String listener, byte[] request) throws IOException {
        tried++;
        URI base = listener.equals("api") ? sandbox.apiBaseUrl() : sandbox.serviceBaseUrl();
        int status = send(base, request);
        assertTrue(status >= 400 && status <= 499, what + ": HTTP " + status);
        passed++;
    }

    @Order(2)
    @Test
    void afterAllOfThatARealLoginStillWorks() {
        Map<String, String> settings = Sandbox.settings(sandbox);
        try (OkHttpPort port = new OkHttpPort();
             UpstoxTotp client = UpstoxTotp.builder().config(UpstoxTotpConfig.fromSources(settings, Map.of()))
                     .http(port).json(new JacksonJsonPort()).build()) {
            assertTrue(client.accessToken().value().length() > 20);
        }
    }

    /** Writes the raw request and reads the status line; a connection closed without one is status 0. */
    private static int send(URI base, byte[] request) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedWhileWriting) {
                // the server may answer (413) and close before reading everything: read what it said
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    line.write(c);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // fall through with what was read
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            String[] parts = status.split(" ");
            return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : 0;
        }
    }

    private static Arguments req(String what, String listener, byte[] request) {
        return Arguments.of(what, listener, request);
    }

    private static byte[] post(String path, String contentType, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType
                + "\r\nx-request-id: WPRO-ABCDEFGHIJ\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return concat(head, body);
    }

    private static byte[] raw(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int n, char c) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) c);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
