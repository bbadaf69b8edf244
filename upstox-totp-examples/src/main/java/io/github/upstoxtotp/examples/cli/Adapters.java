package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.http.apache.ApacheHttpPort;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.json.moshi.MoshiJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The adapters a user picks with {@code --http} and {@code --codec}, by their lower-case names. */
final class Adapters {
    private Adapters() {
    }

    /** {@code --http}: the HTTP transport. */
    enum Transport {
        APACHE(ApacheHttpPort::new),
        OKHTTP(OkHttpPort::new);

        private final Supplier<HttpPort> factory;

        Transport(Supplier<HttpPort> factory) {
            this.factory = factory;
        }

        /** A new port; the caller closes it. */
        HttpPort create() {
            return factory.get();
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code --codec}: the JSON codec. */
    enum Codec {
        JACKSON(JacksonJsonPort::new),
        MOSHI(MoshiJsonPort::new);

        private final Supplier<JsonPort> factory;

        Codec(Supplier<JsonPort> factory) {
            this.factory = factory;
        }

        JsonPort create() {
            return factory.get();
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Accepts a value's lower-case name (any case); the error names the choices. */
    static final class NameConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
        private final Class<E> type;

        NameConverter(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + names(type));
        }

        static <E extends Enum<E>> String names(Class<E> type) {
            return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
    }

    /** picocli converter for {@code --http}. */
    static final class TransportConverter implements CommandLine.ITypeConverter<Transport> {
        private final NameConverter<Transport> names = new NameConverter<>(Transport.class);

        @Override
        public Transport convert(String value) {
            return names.convert(value);
        }
    }

    /** picocli converter for {@code --codec}. */
    static final class CodecConverter implements CommandLine.ITypeConverter<Codec> {
        private final NameConverter<Codec> names = new NameConverter<>(Codec.class);

        @Override
        public Codec convert(String value) {
            return names.convert(value);
        }
    }

    /** picocli completion candidates for {@code --http}, so help shows {@code apache, okhttp}. */
    static final class TransportNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TransportNames() {
            super(Arrays.stream(Transport.values()).map(Object::toString).collect(Collectors.toList()));
        }
    }

    /** picocli completion candidates for {@code --codec}. */
    static final class CodecNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        CodecNames() {
            super(Arrays.stream(Codec.values()).map(Object::toString).collect(Collectors.toList()));
        }
    }
}
