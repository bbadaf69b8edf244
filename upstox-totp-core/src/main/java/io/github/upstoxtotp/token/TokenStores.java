package io.github.upstoxtotp.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** Helpers for {@link io.github.upstoxtotp.token.TokenStore} users. */
public final class TokenStores {
    private TokenStores() {
    }

    /**
     * The store key of one account: {@code "sha256:"} and the lower-case hex SHA-256 of
     * {@code clientId + ":" + username}.
     *
     * <p>Hashed so that a token file does not show the mobile number (the username) or the client
     * id in plain text: the file may end up in a backup or a bug report. This hides, it does not
     * protect: a 10-digit number can be recovered from its hash by trying them all, which is why
     * the file is owner-only anyway. Stable across versions and platforms; the {@code sha256:}
     * prefix leaves room for another scheme later.
     */
    public static String key(String clientId, String username) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((clientId + ":" + username).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
