package io.github.upstoxtotp.json.moshi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonPortProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MoshiJsonPortTest {

    @Test
    void providerIsRegisteredForServiceLoader() {
        List<JsonPortProvider> providers = ServiceLoader.load(JsonPortProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
        JsonPortProvider moshi = providers.stream().filter(p -> p.name().equals("moshi")).findFirst().orElseThrow();
        assertInstanceOf(MoshiJsonPortProvider.class, moshi);
        assertEquals("io.github.upstoxtotp:upstox-totp-json-moshi", moshi.artifact());
        assertInstanceOf(MoshiJsonPort.class, moshi.create());
        assertEquals("moshi", moshi.create().name());
    }

    @Test
    void unpairedSurrogateInTextIsRejectedAtItsCharOffset() {
        JsonException e = assertThrows(JsonException.class, () -> new MoshiJsonPort().parse("[\"ab\ud800\"]"));
        assertEquals(4, e.offset());
    }

    @Test
    void offsetsAreCharsForTextAndBytesForBytes() {
        String text = "[\"\u00e9\u65e5\ud83d\ude00\", x]";
        MoshiJsonPort port = new MoshiJsonPort();
        assertEquals(text.indexOf('x'), assertThrows(JsonException.class, () -> port.parse(text)).offset());
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(utf8.length - 2, assertThrows(JsonException.class, () -> port.parse(utf8)).offset());
    }

    @Test
    void errorsDeepInsideAHandedOffValueKeepTheirPosition() {
        int depth = MoshiTreeReader.LEVELS_PER_READER + 20;
        String text = "[".repeat(depth) + "1,\"a\u0001\"" + "]".repeat(depth);
        JsonException e = assertThrows(JsonException.class, () -> new MoshiJsonPort().parse(text));
        assertEquals(text.indexOf('\u0001'), e.offset(), e.getMessage());
    }
}
