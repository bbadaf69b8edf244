package io.github.upstoxtotp.model;

import io.github.upstoxtotp.port.JsonValue;

/**
 * A response record that can turn itself into the core's JSON tree, with the field names
 * Upstox uses on the wire, so that a {@link io.github.upstoxtotp.port.JsonPort} can print it
 * (the CLI's {@code --json}, the facade's {@code toJson()}).
 */
public interface JsonExportable {

    /**
     * This record as a JSON tree.
     *
     * @param includeSecrets when false, secret fields (OTP tokens, authorization codes and the
     *        redirect URIs carrying them, access and extended tokens) are left out
     */
    JsonValue toJson(boolean includeSecrets);
}
