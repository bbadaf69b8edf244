package io.github.upstoxtotp.port;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON number, exact: held as a {@link BigDecimal}, never a {@code double}.
 *
 * <p>Equality is numeric ({@code 1.0} equals {@code 1}), as JSON semantics say; the text a
 * parser saw is kept for writing, so {@code 1.0} is written back as {@code 1.0}.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(value, "value");
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    /**
     * Parses JSON number text exactly.
     *
     * @throws NumberFormatException if the text is not a number
     */
    public static JsonNumber parse(String text) {
        return new JsonNumber(new BigDecimal(text));
    }

    /** True when the value has no fractional part. */
    public boolean isIntegral() {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * The value as a {@code long}.
     *
     * @throws ArithmeticException if it has a fraction or does not fit
     */
    public long longValueExact() {
        return value.longValueExact();
    }

    /**
     * The value as an {@code int}.
     *
     * @throws ArithmeticException if it has a fraction or does not fit
     */
    public int intValueExact() {
        return value.intValueExact();
    }

    /**
     * The value as a {@link BigInteger}.
     *
     * @throws ArithmeticException if it has a fraction
     */
    public BigInteger bigIntegerValueExact() {
        return value.toBigIntegerExact();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNumber n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public String toString() {
        return JsonText.number(value);
    }
}
