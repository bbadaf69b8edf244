package io.github.upstoxtotp.port;

/**
 * Makes a {@link JsonPort} available through {@link java.util.ServiceLoader}: each JSON
 * adapter artifact registers one in {@code META-INF/services/io.github.upstoxtotp.port.JsonPortProvider}.
 *
 * <p>Implementations need a public no-argument constructor and must be cheap to construct.
 */
public interface JsonPortProvider {

    /** The system property that names the provider to use when several are on the classpath. */
    String SYSTEM_PROPERTY = "upstox.totp.json";

    /** The short name users choose it by, e.g. {@code "jackson"} or {@code "moshi"}. */
    String name();

    /** The Maven artifact that ships it, for error messages. */
    String artifact();

    /** A new codec with the adapter's defaults. */
    JsonPort create();
}
