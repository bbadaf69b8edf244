package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A complete, valid set of settings made of made-up values, and the secrets among them. */
final class ValidSettings {
    static final String USERNAME = "9876543210";
    static final String PASSWORD = "hunter2-pass";
    static final String PIN = "482913";
    static final String TOTP = "JBSWY3DPEHPK3PXP";
    static final String CLIENT_ID = "3f1c2b7a-client-id";
    static final String CLIENT_SECRET = "cs9f8e7d6c5b";
    static final String REDIRECT = "https://127.0.0.1:5000/callback";

    /** Every secret value used in valid settings, for "never in a message" assertions. */
    static final List<String> SECRETS = List.of(PASSWORD, PIN, TOTP, CLIENT_SECRET);

    private ValidSettings() {
    }

    /** A mutable map holding every required setting plus a password. */
    static Map<String, String> map() {
        Map<String, String> m = new HashMap<>();
        m.put("UPSTOX_USERNAME", USERNAME);
        m.put("UPSTOX_PASSWORD", PASSWORD);
        m.put("UPSTOX_PIN_CODE", PIN);
        m.put("UPSTOX_TOTP_SECRET", TOTP);
        m.put("UPSTOX_CLIENT_ID", CLIENT_ID);
        m.put("UPSTOX_CLIENT_SECRET", CLIENT_SECRET);
        m.put("UPSTOX_REDIRECT_URI", REDIRECT);
        return m;
    }

    /** Asserts that {@code text} holds none of {@code secrets}, nor any of the valid ones. */
    static void assertNoSecret(String text, List<String> secrets) {
        for (String s : SECRETS) {
            assertFalse(text.contains(s), () -> "message leaks a secret: " + text);
        }
        for (String s : secrets) {
            assertFalse(text.contains(s), () -> "message leaks a secret: " + text);
        }
    }
}
