package io.github.upstoxtotp.examples.sdk;

import com.upstox.ApiClient;
import com.upstox.ApiException;
import com.upstox.api.ProfileData;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.token.TokenService;
import io.swagger.client.api.UserApi;

/**
 * Example: the official Upstox Java SDK ({@code com.upstox.api:upstox-java-sdk}) with its access
 * token from {@link TokenService}, through the {@link UpstoxSdkAuth} bridge. Logs in, asks the
 * API for the user's profile ({@code GET /v2/user/profile}) and prints who it is.
 *
 * <p>It needs a real account ({@code UPSTOX_*} variables or {@code ./.env}): the sandbox
 * simulates the login service only, not the trading API (pointed at it, the SDK call gets 404).
 * Run it as {@code BuilderExample} says, naming {@code io.github.upstoxtotp.examples.sdk.SdkExample}.
 */
public final class SdkExample {
    /** The {@code Api-Version} header the v2 endpoints expect. */
    public static final String API_VERSION = "2.0";

    private SdkExample() {
    }

    public static void main(String[] args) {
        UpstoxTotpConfig config = UpstoxTotpConfig.fromEnv();
        try (HttpPort http = new OkHttpPort();
             UpstoxTotp upstox = UpstoxTotp.builder().config(config).http(http).json(new JacksonJsonPort()).build()) {
            ApiClient api = apiClient(upstox.tokenService(), config.apiBaseUrl().toString());
            ProfileData me = profile(api);
            System.out.println("Profile: " + me.getUserId() + " (" + me.getUserName() + "), broker " + me.getBroker());
        } catch (ApiException e) {
            // code 0: no answer at all (the login failed, or the host could not be reached); see the cause
            String why = e.getCode() == 0 ? String.valueOf(e.getCause()) : "HTTP " + e.getCode() + " " + e.getResponseBody();
            System.err.println("The Upstox API call failed: " + why);
            System.exit(1);
        }
    }

    /**
     * An SDK client for the API at {@code basePath} (e.g. {@code https://api.upstox.com}) whose
     * calls carry the service's current token. Make one and share it: the SDK's classes take it
     * in their constructors ({@code new UserApi(client)}, {@code new OrderApi(client)}, ...).
     */
    public static ApiClient apiClient(TokenService tokens, String basePath) {
        ApiClient client = new ApiClient();
        client.setBasePath(basePath);
        // No client.setAccessToken(..): the bridge sets the header on every call instead.
        return UpstoxSdkAuth.install(client, tokens);
    }

    /** The logged-in user's profile, through the SDK. */
    public static ProfileData profile(ApiClient api) throws ApiException {
        return new UserApi(api).getProfile(API_VERSION).getData();
    }
}
