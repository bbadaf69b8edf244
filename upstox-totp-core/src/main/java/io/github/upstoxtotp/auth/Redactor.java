package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.Secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks the session's secrets in text that came from the server, because a server message
 * can echo a submitted value (the PIN, a code) and messages end up in exceptions and logs.
 *
 * <p>Knows the configured secrets (PIN and its base64 form, client secret, TOTP secret) and
 * the values the session learns or sends (TOTP codes, OTP token, authorization code, tokens).
 * Thread-safe.
 */
final class Redactor {
    static final String MASK = "****";
    // shorter values would mask innocent text (PINs are at least 4 digits)
    private static final int MIN_LENGTH = 4;

    private final List<Secret> configured;
    private final Set<String> learned = ConcurrentHashMap.newKeySet();

    Redactor(Secret... configured) {
        this.configured = new ArrayList<>();
        for (Secret s : configured) {
            if (s != null) {
                this.configured.add(s);
            }
        }
    }

    /** Adds a value seen or sent during this session. */
    void learn(String value) {
        if (value != null && value.length() >= MIN_LENGTH) {
            learned.add(value);
        }
    }

    /** Forgets what the session learned; the configured secrets stay. */
    void forgetSession() {
        learned.clear();
    }

    /** {@code text} with every known secret, in plain, base64 and URL-encoded form, replaced by {@value #MASK}. */
    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> values = new ArrayList<>();
        for (Secret s : configured) {
            if (!s.isDestroyed()) {
                addForms(values, s.reveal());
            }
        }
        for (String v : learned) {
            addForms(values, v);
        }
        values.sort(Comparator.comparingInt(String::length).reversed()); // a longer secret may contain a shorter one
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        return out;
    }

    private static void addForms(List<String> into, String value) {
        if (value.length() < MIN_LENGTH) {
            return;
        }
        into.add(value);
        into.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!encoded.equals(value)) {
            into.add(encoded);
        }
    }
}
