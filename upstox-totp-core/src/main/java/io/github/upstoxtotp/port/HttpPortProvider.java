package io.github.upstoxtotp.port;

/**
 * Makes an {@link HttpPort} available through {@link java.util.ServiceLoader}: each HTTP
 * adapter artifact registers one in {@code META-INF/services/io.github.upstoxtotp.port.HttpPortProvider}.
 *
 * <p>Implementations need a public no-argument constructor and must be cheap to construct;
 * the port itself is only built by {@link #create()}.
 */
public interface HttpPortProvider {

    /** The system property that names the provider to use when several are on the classpath. */
    String SYSTEM_PROPERTY = "upstox.totp.http";

    /** The short name users choose it by, e.g. {@code "okhttp"} or {@code "apache"}. */
    String name();

    /** The Maven artifact that ships it, for error messages. */
    String artifact();

    /** A new port with the adapter's defaults. */
    HttpPort create();
}
