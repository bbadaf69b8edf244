package io.github.upstoxtotp.port;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered list of HTTP header fields. Names compare case-insensitively; a name
 * may repeat (several {@code Set-Cookie} fields all survive, in order).
 *
 * <p>{@link #toString()} never shows the values of {@code Cookie}, {@code Set-Cookie},
 * {@code Authorization} or {@code Proxy-Authorization}.
 */
public final class HttpHeaders {

    /** One header field. Its {@code toString} masks sensitive values. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("header name is empty");
            }
        }

        @Override
        public String toString() {
            return name + ": " + (isSensitive(name) ? "<not logged>" : value);
        }
    }

    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());
    private static final Set<String> SENSITIVE = Set.of("cookie", "set-cookie", "authorization", "proxy-authorization");

    private final List<Field> fields;

    private HttpHeaders(List<Field> fields) {
        this.fields = fields;
    }

    public static HttpHeaders empty() {
        return EMPTY;
    }

    /** Headers from name/value pairs: {@code of("accept", "application/json", "x-a", "1")}. */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static HttpHeaders ofFields(List<Field> fields) {
        return fields.isEmpty() ? EMPTY : new HttpHeaders(List.copyOf(fields));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these fields, to add or replace some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.fields.addAll(fields);
        return b;
    }

    /** True for header names whose values are credentials and are never logged. */
    public static boolean isSensitive(String name) {
        return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks that a field can be sent as it is: the name an RFC 9110 token, the value visible
     * ASCII, space or tab. Transports call it on every outgoing field, so that a CR/LF cannot
     * smuggle a header in and no library rewrites a value behind our back. Received fields are
     * not checked (a server may send obs-text). The message names the header and the position,
     * never the value, which may be a credential.
     *
     * @throws IllegalArgumentException if the field cannot be sent
     */
    public static void checkSendable(Field field) {
        String name = field.name();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("header name is not an HTTP token (character " + i + ")");
            }
        }
        String value = field.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("header " + name + " has a character at " + i
                        + " that cannot be sent (control or non-ASCII)");
            }
        }
    }

    /** All fields, in order. */
    public List<Field> fields() {
        return fields;
    }

    /** Every value of the named header, in order; empty if absent. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The first value of the named header. */
    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** The distinct names, in first-seen order and spelling. */
    public Set<String> names() {
        Set<String> lower = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (Field f : fields) {
            if (lower.add(f.name().toLowerCase(Locale.ROOT))) {
                out.add(f.name());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpHeaders h && fields.equals(h.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** Collects fields in order. Not thread-safe. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        private Builder() {
        }

        /** Appends a field, keeping any earlier ones of the same name. */
        public Builder add(String name, String value) {
            fields.add(new Field(name, value));
            return this;
        }

        /** Removes every field of this name, then adds this one. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        public Builder remove(String name) {
            fields.removeIf(f -> f.name().equalsIgnoreCase(name));
            return this;
        }

        public HttpHeaders build() {
            return ofFields(fields);
        }
    }
}
