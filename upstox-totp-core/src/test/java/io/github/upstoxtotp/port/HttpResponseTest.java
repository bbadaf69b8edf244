package io.github.upstoxtotp.port;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpResponseTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void bodyContainsFindsARunAnywhereAndAgreesWithBodyText() {
        HttpResponse r = HttpResponse.of(429, HttpHeaders.empty(), "{\"errors\":[{\"errorCode\":\"UDAPI10005\"}]} é");
        for (String needle : new String[] {"\"UDAPI10005\"", "{", " é".substring(0, 1), "UDAPI10005\"}]", "\"UDAPI100050\"", "x", ""}) {
            assertEquals(r.bodyText().contains(needle), r.bodyContains(ascii(needle)), needle);
        }
    }

    @Test
    void bodyContainsHandlesEdges() {
        HttpResponse empty = new HttpResponse(204, HttpHeaders.empty(), null);
        assertFalse(empty.bodyContains(ascii("a")));
        assertTrue(empty.bodyContains(new byte[0]));
        HttpResponse r = HttpResponse.of(200, HttpHeaders.empty(), "abc");
        assertTrue(r.bodyContains(ascii("abc")));
        assertTrue(r.bodyContains(ascii("c")));
        assertFalse(r.bodyContains(ascii("abcd")), "a needle longer than the body");
        assertFalse(r.bodyContains(ascii("cb")));
    }

    @Test
    void toStringNeverShowsTheBody() {
        HttpResponse r = HttpResponse.of(200, HttpHeaders.of("Set-Cookie", "sid=SECRET"), "{\"access_token\":\"SECRET\"}");
        assertFalse(r.toString().contains("SECRET"), r.toString());
    }
}
