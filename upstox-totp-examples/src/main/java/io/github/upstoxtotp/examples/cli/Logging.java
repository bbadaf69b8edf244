package io.github.upstoxtotp.examples.cli;

/**
 * Steers slf4j-simple, the CLI's logging backend, through its system properties: warnings only
 * by default, everything from the library with {@code UPSTOX_DEBUG=true}; always on stderr, so
 * stdout keeps only results. The library redacts secrets at every level.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /** Defaults a user's own {@code -D} settings override. Call before the first logger exists. */
    static void configureDefaults() {
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
