package io.github.upstoxtotp.http.okhttp;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpPortProvider;

/**
 * Offers {@link OkHttpPort} to {@link java.util.ServiceLoader} under the name {@code "okhttp"}
 * (choose it with {@code -Dupstox.totp.http=okhttp} when several HTTP adapters are present).
 */
public final class OkHttpPortProvider implements HttpPortProvider {

    /** For {@link java.util.ServiceLoader}. */
    public OkHttpPortProvider() {
    }

    @Override
    public String name() {
        return "okhttp";
    }

    @Override
    public String artifact() {
        return "io.github.upstoxtotp:upstox-totp-http-okhttp";
    }

    /** A new {@link OkHttpPort} with its own client; the caller closes it. */
    @Override
    public HttpPort create() {
        return new OkHttpPort();
    }
}
