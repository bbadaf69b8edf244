package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toStringIsAlwaysMasked() {
        assertEquals("****", Secret.of("482913").toString());
        assertEquals("****", Secret.of("").toString());
        assertEquals("x=****", "x=" + Secret.of("JBSWY3DPEHPK3PXP"));
    }

    @Test
    void revealReturnsTheValue() {
        Secret s = Secret.of("482913");
        assertEquals("482913", s.reveal());
        assertArrayEquals("482913".toCharArray(), s.revealChars());
        assertEquals(6, s.length());
        assertFalse(s.isEmpty());
        assertTrue(Secret.of("").isEmpty());
    }

    @Test
    void charArrayIsCopiedSoTheCallerMayWipeIt() {
        char[] input = "482913".toCharArray();
        Secret s = Secret.of(input);
        java.util.Arrays.fill(input, '\0');
        assertEquals("482913", s.reveal());

        char[] out = s.revealChars();
        java.util.Arrays.fill(out, '\0');
        assertEquals("482913", s.reveal());
    }

    @Test
    void destroyWipesAndThenEveryReadThrows() {
        Secret s = Secret.of("482913");
        char[] before = s.revealChars();

        s.destroy();

        assertTrue(s.isDestroyed());
        assertThrows(IllegalStateException.class, s::reveal);
        assertThrows(IllegalStateException.class, s::revealChars);
        assertThrows(IllegalStateException.class, s::length);
        assertThrows(IllegalStateException.class, () -> s.masked(2));
        assertEquals("****", s.toString());
        assertEquals("482913", new String(before)); // copies handed out earlier are the caller's
    }

    @Test
    void equalityIsByContentAndHashCodeRevealsNothing() {
        Secret a = Secret.of("JBSWY3DPEHPK3PXP");
        Secret b = Secret.of("JBSWY3DPEHPK3PXP".toCharArray());
        Secret c = Secret.of("JBSWY3DPEHPK3PXQ");

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertNotEquals(a, Secret.of("JBSW"));
        assertEquals(a.hashCode(), c.hashCode());
        assertNotEquals(a, "JBSWY3DPEHPK3PXP");

        b.destroy();
        assertNotEquals(a, b);
        assertEquals(b, b);
    }

    @Test
    void maskedShowsAtMostAQuarterOfTheCharacters() {
        Secret s = Secret.of("JBSWY3DPEHPK3PXP");
        assertEquals("****", s.masked(0));
        assertEquals("JB****", s.masked(2));
        assertEquals("JBSW****", s.masked(10));
        assertEquals("4****", Secret.of("482913").masked(3));
        assertEquals("****", Secret.of("123").masked(3));
        assertEquals("****", s.masked(-1));
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> Secret.of((String) null));
        assertThrows(NullPointerException.class, () -> Secret.of((char[]) null));
    }
}
