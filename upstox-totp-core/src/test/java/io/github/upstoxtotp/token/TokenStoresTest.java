package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenStoresTest {

    @Test
    void keyIsAStableHashThatShowsNeitherMobileNorClientId() {
        String key = TokenStores.key("client-abc", "9876543210");
        assertEquals(key, TokenStores.key("client-abc", "9876543210"));
        assertTrue(key.matches("sha256:[0-9a-f]{64}"), key);
        assertFalse(key.contains("9876543210") || key.contains("client-abc"));
        // SHA-256("client-abc:9876543210"), computed independently: the key must never change between versions.
        assertEquals("sha256:7a18c8024a24c0b32228bdbf57cab0c8f377803de7d8293be05fd4190536437e", key);
    }

    @Test
    void keysOfDifferentAccountsDiffer() {
        assertNotEquals(TokenStores.key("c", "1"), TokenStores.key("c", "2"));
        assertNotEquals(TokenStores.key("c1", "2"), TokenStores.key("c", "12"));
    }

    @Test
    void inMemoryStoreSavesLoadsAndRemoves() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        AccessToken t = new AccessToken("v", null, "U", Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertEquals(Optional.empty(), store.load("k"));
        store.save("k", t);
        assertEquals(Optional.of(t), store.load("k"), "expired or not, what was saved comes back");
        store.remove("k");
        assertEquals(Optional.empty(), store.load("k"));
    }
}
