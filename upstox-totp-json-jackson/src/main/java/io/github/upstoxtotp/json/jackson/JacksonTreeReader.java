package io.github.upstoxtotp.json.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.upstoxtotp.port.JsonInput;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonBoolean;
import io.github.upstoxtotp.port.JsonException;
import io.github.upstoxtotp.port.JsonNull;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the core's tree from a Jackson token stream, iteratively (an explicit stack, so depth
 * can never overflow the thread's stack), enforcing the rules Jackson leaves to its caller:
 * {@link JsonPort#MAX_DEPTH}, unique member names, one root value, exact numbers.
 */
final class JacksonTreeReader {
    /** Longer number literals are rejected: parsing them into a BigDecimal costs quadratic time. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private final JsonParser parser;
    private final Deque<Frame> stack = new ArrayDeque<>();

    private JacksonTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads exactly one JSON value; every failure is a {@link JsonException} without input in it. */
    static JsonValue read(JsonParser parser) {
        return new JacksonTreeReader(parser).readDocument();
    }

    private JsonValue readDocument() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw fail("empty input: expected a JSON value", parser.currentLocation());
            }
            JsonValue root = readFrom(token);
            JsonLocation trailing;
            try {
                trailing = parser.nextToken() == null ? null : parser.currentTokenLocation();
            } catch (JsonProcessingException e) {
                trailing = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            }
            if (trailing != null) {
                throw fail("trailing content after the JSON value", trailing);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw JacksonErrors.translate(e, path(), parser.currentLocation());
        } catch (IOException e) {
            throw JacksonErrors.unreadable(e, parser.currentLocation());
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Not expected from jackson-core on in-memory input; its message may quote input, so keep only the type.
            throw JacksonErrors.failure(e, path(), parser.currentLocation());
        }
    }

    private JsonValue readFrom(JsonToken first) throws IOException {
        JsonToken token = first;
        while (true) {
            JsonValue value = null;
            switch (token) {
                case START_OBJECT -> push(new Frame(true));
                case START_ARRAY -> push(new Frame(false));
                case END_OBJECT, END_ARRAY -> value = stack.pop().build();
                case FIELD_NAME -> {
                    Frame top = stack.peek();
                    String name = parser.currentName();
                    top.name = name;
                    if (top.members.containsKey(name)) {
                        throw fail("duplicate member name", parser.currentTokenLocation());
                    }
                }
                case VALUE_STRING -> value = new JsonString(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = number(parser.getText());
                case VALUE_TRUE -> value = JsonBoolean.TRUE;
                case VALUE_FALSE -> value = JsonBoolean.FALSE;
                case VALUE_NULL -> value = JsonNull.INSTANCE;
                default -> throw fail("unexpected token", parser.currentTokenLocation());
            }
            if (value != null) {
                if (stack.isEmpty()) {
                    return value;
                }
                stack.peek().add(value);
            }
            token = parser.nextToken();
            if (token == null) {
                throw fail("unexpected end of input", parser.currentLocation());
            }
        }
    }

    private void push(Frame frame) {
        if (stack.size() >= JsonPort.MAX_DEPTH) {
            throw fail("nesting deeper than " + JsonPort.MAX_DEPTH + " arrays/objects", parser.currentTokenLocation());
        }
        stack.push(frame);
    }

    private JsonNumber number(String text) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw fail("number longer than " + MAX_NUMBER_LENGTH + " characters", parser.currentTokenLocation());
        }
        try {
            return new JsonNumber(new BigDecimal(text));
        } catch (NumberFormatException e) {
            // e.g. an exponent beyond the int range; the JDK's message may quote the digits
            throw fail("number out of range", parser.currentTokenLocation());
        }
    }

    private JsonException fail(String problem, JsonLocation location) {
        return JacksonErrors.at(problem + " in " + path(), location);
    }

    /** The path of the value being read, e.g. {@code $.data.user[2]}. */
    private String path() {
        List<Object> steps = new ArrayList<>(stack.size());
        Iterator<Frame> it = stack.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            if (!f.object) {
                steps.add(f.elements.size());
            } else if (f.name != null) {
                steps.add(f.name);
            } else if (!it.hasNext() && parser.currentToken() == JsonToken.FIELD_NAME) {
                // Jackson reads a member's value together with its name: a failure there comes
                // before readFrom has seen the name.
                steps.add(currentNameOrNull());
            }
        }
        return JsonInput.path(steps);
    }

    private String currentNameOrNull() {
        try {
            return parser.currentName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final class Frame {
        final boolean object;
        final Map<String, JsonValue> members;
        final List<JsonValue> elements;
        String name;

        Frame(boolean object) {
            this.object = object;
            this.members = object ? new LinkedHashMap<>() : null;
            this.elements = object ? null : new ArrayList<>();
        }

        void add(JsonValue value) {
            if (object) {
                members.put(name, value);
                name = null;
            } else {
                elements.add(value);
            }
        }

        JsonValue build() {
            return object ? new JsonObject(members) : new JsonArray(elements);
        }
    }
}
