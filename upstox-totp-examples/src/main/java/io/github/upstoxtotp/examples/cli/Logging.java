package io.github.upstoxtotp.examples.cli;

import java.util.List;

/**
 * Steers slf4j-simple, the CLI's logging backend, through its system properties: warnings only
 * by default, everything from the library with {@code UPSTOX_DEBUG=true}; always on stderr, so
 * stdout keeps only results. The library redacts secrets at every level.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    /**
     * Apache HttpClient's raw-traffic loggers: at DEBUG they print request bodies (the PIN,
     * base64-encoded), cookies and tokens. Kept at INFO even when the default level is raised
     * (e.g. through {@code UPSTOX_TOTP_JAVA_OPTS}); only a {@code -D} setting naming them turns them on.
     */
    private static final List<String> HTTPCLIENT_WIRE_LOGGERS =
            List.of("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

    private Logging() {
    }

    /** Defaults a user's own {@code -D} settings override. Call before the first logger exists. */
    static void configureDefaults() {
        for (String wire : HTTPCLIENT_WIRE_LOGGERS) {
            setIfAbsent("log." + wire, "info");
        }
        setIfAbsent("defaultLogLevel", "warn");
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
    }

    /**
     * Debug logging for the library's loggers. slf4j-simple reads a logger's level when the logger
     * is made, so loggers made before this call keep theirs.
     */
    static void enableDebug() {
        System.setProperty(PREFIX + "log.io.github.upstoxtotp", "debug");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
