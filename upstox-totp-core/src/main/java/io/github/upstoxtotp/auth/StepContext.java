package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonValue;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What steps need besides the state to build a request: the configuration, the endpoint
 * table, the client's one request id, the codec that writes bodies, and the source of the
 * current TOTP (which waits out the end of a window; see {@link LoginMachine}).
 */
record StepContext(UpstoxTotpConfig config, LoginProtocol protocol, String requestId, JsonPort json,
                   Supplier<String> totp) {

    StepContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(totp, "totp");
    }

    /** The body bytes for a JSON tree, written by the session's codec. */
    byte[] write(JsonValue body) {
        return json.writeBytes(body);
    }
}
