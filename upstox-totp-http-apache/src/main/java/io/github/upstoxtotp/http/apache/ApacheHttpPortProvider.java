package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpPortProvider;

/**
 * Offers {@link ApacheHttpPort} to {@link java.util.ServiceLoader} under the name {@code "apache"}
 * (choose it with {@code -Dupstox.totp.http=apache} when several HTTP adapters are present).
 */
public final class ApacheHttpPortProvider implements HttpPortProvider {

    /** For {@link java.util.ServiceLoader}. */
    public ApacheHttpPortProvider() {
    }

    @Override
    public String name() {
        return "apache";
    }

    @Override
    public String artifact() {
        return "io.github.upstoxtotp:upstox-totp-http-apache";
    }

    /** A new {@link ApacheHttpPort} with its own client; the caller closes it. */
    @Override
    public HttpPort create() {
        return new ApacheHttpPort();
    }
}
