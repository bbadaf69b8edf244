package io.github.upstoxtotp.examples.sandbox;

import io.github.upstoxtotp.config.Setting;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import io.github.upstoxtotp.testing.SimulatedUpstox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The core's simulated Upstox login service ({@link SimulatedUpstox}) served over loopback HTTP
 * by a {@link SandboxServer}, and the {@code UPSTOX_*} settings that point a client at it.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = Sandbox.start(new JacksonJsonPort(), 0)) {
 *     Map<String, String> env = Sandbox.settings(sandbox, SimulatedAccount.DEMO);
 *     // UPSTOX_API_BASE_URL=http://127.0.0.1:50123, UPSTOX_USERNAME=9999999999, ...
 * }
 * }</pre>
 */
public final class Sandbox {
    private Sandbox() {
    }

    /**
     * Starts the simulator, knowing only {@link SimulatedAccount#DEMO}, on loopback.
     *
     * @param json the codec the simulator reads and writes JSON with
     * @param port the API port, the login service on {@code port + 1}; 0 for two free ports
     * @throws java.io.UncheckedIOException if a port cannot be opened
     */
    public static SandboxServer start(JsonPort json, int port) {
        return start(json, port, SimulatedAccount.DEMO);
    }

    /**
     * Starts the simulator knowing {@code account} (and nothing else) on loopback.
     *
     * @param port the API port, the login service on {@code port + 1}; 0 for two free ports
     * @throws java.io.UncheckedIOException if a port cannot be opened
     */
    public static SandboxServer start(JsonPort json, int port, SimulatedAccount account) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(account, "account");
        return SandboxServer.builder()
                .ports(port)
                .backend((api, service) -> SimulatedUpstox.builder(json)
                        .apiBaseUrl(api.toString())
                        .serviceBaseUrl(service.toString())
                        .account(account)
                        .build())
                .start();
    }

    /**
     * Every setting a client needs to log {@code account} in through {@code server}, by
     * environment-variable name, in the documented order; pacing off ({@code UPSTOX_SLEEP_TIME=0}).
     * These hold the account's credentials: they are demo credentials, fine to print.
     */
    public static Map<String, String> settings(SandboxServer server, SimulatedAccount account) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(Setting.USERNAME.envName(), account.mobileNumber());
        s.put(Setting.PIN_CODE.envName(), account.pin());
        s.put(Setting.TOTP_SECRET.envName(), account.totpSecret());
        s.put(Setting.CLIENT_ID.envName(), account.clientId());
        s.put(Setting.CLIENT_SECRET.envName(), account.clientSecret());
        s.put(Setting.REDIRECT_URI.envName(), account.redirectUri());
        s.put(Setting.SLEEP_TIME.envName(), "0");
        s.put(Setting.API_BASE_URL.envName(), server.apiBaseUrl().toString());
        s.put(Setting.SERVICE_BASE_URL.envName(), server.serviceBaseUrl().toString());
        // the sandbox speaks the default variant; say so, or a user's UPSTOX_LOGIN_PROTOCOL=v2026 would win
        s.put(Setting.LOGIN_PROTOCOL.envName(), io.github.upstoxtotp.auth.LoginProtocol.SEED.name());
        return s;
    }

    /** {@link #settings(SandboxServer, SimulatedAccount)} for the demo account. */
    public static Map<String, String> settings(SandboxServer server) {
        return settings(server, SimulatedAccount.DEMO);
    }
}
