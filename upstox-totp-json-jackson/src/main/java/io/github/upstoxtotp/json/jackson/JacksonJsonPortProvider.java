package io.github.upstoxtotp.json.jackson;

import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonPortProvider;

/**
 * Offers {@link JacksonJsonPort} to {@link java.util.ServiceLoader} under the name
 * {@code "jackson"} (choose it with {@code -Dupstox.totp.json=jackson} when several JSON
 * adapters are on the classpath).
 */
public final class JacksonJsonPortProvider implements JsonPortProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public JacksonJsonPortProvider() {
    }

    /** {@code "jackson"}. */
    @Override
    public String name() {
        return "jackson";
    }

    /** {@code io.github.upstoxtotp:upstox-totp-json-jackson}. */
    @Override
    public String artifact() {
        return "io.github.upstoxtotp:upstox-totp-json-jackson";
    }

    /** A new {@link JacksonJsonPort} with its default, strict factory. */
    @Override
    public JsonPort create() {
        return new JacksonJsonPort();
    }
}
