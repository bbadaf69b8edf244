package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonText;
import io.github.upstoxtotp.port.JsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test codec without a JSON library: writes with {@link JsonText}, and "parses" only texts it
 * wrote itself (every response body in these tests is made by {@link #text}). Anything else,
 * an HTML page for instance, is a {@link JsonException}, as a real codec would say.
 */
final class FakeJson implements JsonPort {
    static final FakeJson INSTANCE = new FakeJson();

    private final Map<String, JsonValue> written = new ConcurrentHashMap<>();

    /** The text of {@code tree}, which {@link #parse} will turn back into it. */
    String text(JsonValue tree) {
        String t = JsonText.write(tree);
        written.put(t, tree);
        return t;
    }

    @Override
    public JsonValue parse(String text) {
        JsonValue v = written.get(text);
        if (v == null) {
            throw new JsonException("not JSON (or not written by this test codec)", null);
        }
        return v;
    }

    @Override
    public String write(JsonValue value) {
        return text(value);
    }
}
