package io.github.upstoxtotp.examples.reliability;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.auth.LoginMachine;
import io.github.upstoxtotp.config.ConfigCheck;
import io.github.upstoxtotp.config.ConfigSource;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.http.apache.ApacheHttpPort;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.json.moshi.MoshiJsonPort;
import io.github.upstoxtotp.model.ApiResponse;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.resilience.ResiliencePolicy;
import io.github.upstoxtotp.resilience.ResilientStepTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client side of {@link SecretLeakTest}, run in a JVM of its own so that its logging can be
 * configured from the start (every logger at TRACE, set by the parent on the command line).
 * Logs in with {@code debug} on, step by step, through the facade and through a bare
 * {@link LoginMachine}, then fails a login with a wrong PIN, and prints the {@code toString()} of
 * every public object it meets (and every exception, stack trace included) on stdout as
 * {@code DUMP} lines. The parent scans stdout and stderr for secrets.
 *
 * <p>Arguments: {@code <okhttp|apache> <jackson|moshi>}. Settings: the {@code UPSTOX_*}
 * environment, and {@code LEAK_WRONG_PIN}.
 */
public final class LeakProbeMain {
    private LeakProbeMain() {
    }

    public static void main(String[] args) {
        JsonPort json = "moshi".equals(args[1]) ? new MoshiJsonPort() : new JacksonJsonPort();
        Map<String, String> env = System.getenv();
        UpstoxTotpConfig good = config(env, env.get("UPSTOX_PIN_CODE"));
        UpstoxTotpConfig wrong = config(env, env.get("LEAK_WRONG_PIN"));
        dump("config", good);
        dump("config check", ConfigCheck.of(List.of(ConfigSource.of("env", env))));
        ConfigCheck.of(List.of(ConfigSource.of("env", env))).settings().forEach(s -> dump("setting", s));
        dump("pin secret", good.pinCode());
        dump("json", json);

        try (DumpingPort port = new DumpingPort(newPort(args[0]))) {
            stepByStep(good, port, json);
            machine(good, port, json, "good machine");
            machine(wrong, port, json, "wrong-PIN machine");
            wrongPinThroughTheTokenService(wrong, port, json);
        }
        System.out.flush();
        System.exit(0);
    }

    private static UpstoxTotpConfig config(Map<String, String> env, String pin) {
        return UpstoxTotpConfig.builder()
                .username(env.get("UPSTOX_USERNAME"))
                .pinCode(pin)
                .totpSecret(env.get("UPSTOX_TOTP_SECRET"))
                .clientId(env.get("UPSTOX_CLIENT_ID"))
                .clientSecret(env.get("UPSTOX_CLIENT_SECRET"))
                .redirectUri(env.get("UPSTOX_REDIRECT_URI"))
                .apiBaseUrl(env.get("UPSTOX_API_BASE_URL"))
                .serviceBaseUrl(env.get("UPSTOX_SERVICE_BASE_URL"))
                .sleepTime(Duration.ZERO)
                .debug(true)
                .build();
    }

    private static HttpPort newPort(String transport) {
        return "apache".equals(transport) ? new ApacheHttpPort() : new OkHttpPort();
    }

    private static UpstoxTotp client(UpstoxTotpConfig config, HttpPort port, JsonPort json) {
        return UpstoxTotp.builder().config(config).http(port).json(json).build();
    }

    /** The six steps one by one through the facade, then the token service (a second, full login). */
    private static void stepByStep(UpstoxTotpConfig config, HttpPort port, JsonPort json) {
        try (UpstoxTotp client = client(config, port, json)) {
            dump("client", client);
            dump("app token", client.appToken());
            response(client, "step 1", () -> client.appToken().userIdAndUserType());
            dump("state", client.appToken().state());
            response(client, "step 2", () -> client.appToken().generateOtp());
            dump("state", client.appToken().state());
            response(client, "step 3", () -> client.appToken().validateOtp());
            dump("state", client.appToken().state());
            response(client, "step 4", () -> client.appToken().submitPin());
            dump("state", client.appToken().state());
            response(client, "step 5", () -> client.appToken().oauthAuthorization());
            dump("state", client.appToken().state());
            response(client, "step 6", () -> client.appToken().accessToken());
            dump("state", client.appToken().state());
            attempt("token", () -> client.tokenService().accessToken());
            attempt("token again (cached)", () -> client.accessToken());
            // the value itself is the API's answer, not a leak: only whether there is one
            attempt("extended token present", () -> client.tokenService().extendedToken().isPresent());
            dump("last token data", client.lastTokenData());
            dump("token service", client.tokenService());
            dump("http", client.http());
            dump("client after login", client);
            client.resetSession();
            dump("state after reset", client.appToken().state());
        }
    }

    private static void machine(UpstoxTotpConfig config, HttpPort port, JsonPort json, String what) {
        ResiliencePolicy policy = ResiliencePolicy.builder().sleepTime(Duration.ZERO).build();
        ResilientStepTransport transport = new ResilientStepTransport(port, policy);
        dump("transport", transport);
        dump("policy", policy);
        LoginMachine machine = LoginMachine.builder(config).transport(transport).json(json).build();
        dump(what, machine);
        attempt(what + " step 1", machine::userIdAndUserType);
        dump(what + " state", machine.state());
        attempt(what + " step 2", machine::generateOtp);
        dump(what + " state", machine.state());
        attempt(what + " step 3", machine::validateOtp);
        dump(what + " state", machine.state());
        attempt(what + " step 4", machine::submitPin);
        dump(what + " state", machine.state());
        attempt(what + " step 5", machine::oauthAuthorization);
        dump(what + " state", machine.state());
        attempt(what + " step 6", machine::accessToken);
        dump(what + " state", machine.state());
    }

    private static void wrongPinThroughTheTokenService(UpstoxTotpConfig config, HttpPort port, JsonPort json) {
        try (UpstoxTotp client = client(config, port, json)) {
            attempt("wrong PIN login", () -> client.tokenService().accessToken());
            attempt("wrong PIN login again (guarded)", () -> client.tokenService().accessToken());
            dump("wrong PIN client", client);
        }
    }

    private static void response(UpstoxTotp client, String what, Supplier<? extends ApiResponse<?>> step) {
        ApiResponse<?> r = attempt(what, step);
        if (r != null) {
            dump(what + " data", r.data());
            dump(what + " json", client.toJson(r, false));
            if (r.data() != null) {
                dump(what + " data json", client.toJson(r.data(), false));
            }
        }
    }

    private static <T> T attempt(String what, Supplier<T> call) {
        try {
            T result = call.get();
            dump(what, result);
            return result;
        } catch (RuntimeException e) {
            dump(what + " failed", e);
            System.out.print("DUMP stack trace: ");
            e.printStackTrace(System.out);
            return null;
        }
    }

    static void dump(String what, Object value) {
        System.out.println("DUMP " + what + ": " + value);
    }

    /** Prints every request and response the client exchanges (their own {@code toString}). */
    private static final class DumpingPort implements HttpPort {
        private final HttpPort real;

        DumpingPort(HttpPort real) {
            this.real = real;
        }

        @Override
        public HttpResponse execute(HttpRequest request) {
            dump("request", request);
            dump("request headers", request.headers());
            try {
                HttpResponse response = real.execute(request);
                dump("response", response);
                dump("response headers", response.headers());
                return response;
            } catch (RuntimeException e) {
                dump("exchange failed", e);
                throw e;
            }
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public void close() {
            dump("port", real);
            real.close();
        }
    }
}
