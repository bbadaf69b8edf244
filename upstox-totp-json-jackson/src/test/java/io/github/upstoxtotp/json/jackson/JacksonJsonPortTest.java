package io.github.upstoxtotp.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.upstoxtotp.port.JsonPortProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JacksonJsonPortTest {

    @Test
    void providerIsRegisteredForServiceLoader() {
        List<JsonPortProvider> providers = ServiceLoader.load(JsonPortProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
        JsonPortProvider jackson = providers.stream().filter(p -> p.name().equals("jackson")).findFirst().orElseThrow();
        assertInstanceOf(JacksonJsonPortProvider.class, jackson);
        assertEquals("io.github.upstoxtotp:upstox-totp-json-jackson", jackson.artifact());
        assertInstanceOf(JacksonJsonPort.class, jackson.create());
        assertEquals("jackson", jackson.create().name());
    }

    @Test
    void refusesAFactoryForAnotherFormat() {
        JsonFactory smile = new JsonFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getFormatName() {
                return "Smile";
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JacksonJsonPort(smile));
        assertTrue(e.getMessage().contains("Smile"));
    }

    @Test
    void acceptsAPlainFactory() {
        assertEquals("{\"a\":1}", new JacksonJsonPort(new JsonFactory()).write(new JacksonJsonPort().parse("{\"a\":1}")));
    }
}
