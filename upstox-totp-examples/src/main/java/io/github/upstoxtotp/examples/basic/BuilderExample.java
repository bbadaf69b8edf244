package io.github.upstoxtotp.examples.basic;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.token.TokenService;

/**
 * Example: the plain builder. Reads the account from {@code UPSTOX_*} environment variables
 * (then {@code ./.env}), logs in once and prints who is logged in and until when. It never
 * prints the token itself.
 *
 * <p>Run it against the sandbox, no account needed: start {@code ./upstox-totp sandbox} in one
 * terminal, paste the {@code export} lines it prints into another, then, from the repository root:
 * <pre>
 * mvn -q -pl upstox-totp-examples -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp upstox-totp-examples/target/classes:$(cat /tmp/cp.txt) io.github.upstoxtotp.examples.basic.BuilderExample
 * </pre>
 * It prints {@code Logged in as DEMO01; the access token is valid until 2026-...T22:00:00Z}. This
 * example needs nothing beyond the CLI's own jar, so once {@code ./upstox-totp} has built it,
 * {@code java -cp upstox-totp-examples/target/upstox-totp-cli.jar <this class>} runs it too.
 */
public final class BuilderExample {
    private BuilderExample() {
    }

    public static void main(String[] args) {
        UpstoxTotpConfig config = UpstoxTotpConfig.fromEnv();
        // The client does not close ports it is handed, so this one is closed here.
        try (HttpPort http = new OkHttpPort()) {
            AccessToken token = login(config, http, new JacksonJsonPort());
            System.out.println(describe(token));
        }
    }

    /**
     * Logs {@code config}'s account in through {@code http} and returns the token.
     *
     * <p>The adapters are passed explicitly because this module carries both HTTP and both JSON
     * adapters. An application with exactly one of each on its classpath can write
     * {@code UpstoxTotp.fromEnv()} instead and let the library find them.
     */
    public static AccessToken login(UpstoxTotpConfig config, HttpPort http, JsonPort json) {
        try (UpstoxTotp upstox = UpstoxTotp.builder()
                .config(config)
                .http(http)
                .json(json)
                .build()) {
            // A real application keeps the client (or its TokenService) for its whole life:
            // later calls are answered from the cache, and a new login happens only once the
            // token is about to expire (03:30 IST), by one thread while the others wait.
            TokenService tokens = upstox.tokenService();
            return tokens.accessToken();
        }
    }

    /** One line for people: the user and the expiry. The token is a secret and stays out. */
    public static String describe(AccessToken token) {
        return "Logged in as " + token.userId() + "; the access token is valid until " + token.expiresAt();
    }
}
