package io.github.upstoxtotp.json.moshi;

import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonPortProvider;

/**
 * Offers {@link MoshiJsonPort} to {@link java.util.ServiceLoader} under the name
 * {@code "moshi"} (choose it with {@code -Dupstox.totp.json=moshi} when several JSON adapters
 * are on the classpath).
 */
public final class MoshiJsonPortProvider implements JsonPortProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public MoshiJsonPortProvider() {
    }

    /** {@code "moshi"}. */
    @Override
    public String name() {
        return "moshi";
    }

    /** {@code io.github.upstoxtotp:upstox-totp-json-moshi}. */
    @Override
    public String artifact() {
        return "io.github.upstoxtotp:upstox-totp-json-moshi";
    }

    /** A new {@link MoshiJsonPort}. */
    @Override
    public JsonPort create() {
        return new MoshiJsonPort();
    }
}
