package io.github.upstoxtotp.port;

import io.github.upstoxtotp.error.UpstoxTotpException;

/**
 * Text could not be parsed as JSON (malformed, truncated, trailing garbage, empty, nested
 * deeper than {@link JsonPort#MAX_DEPTH}, duplicate member name, invalid UTF-8), or a tree
 * could not be written.
 *
 * <p>The message says what was wrong and where (line, column, character offset when known),
 * and never quotes the input: the input may be a token response.
 */
public final class JsonException extends UpstoxTotpException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;
    private final long offset;

    /**
     * @param problem what is wrong, without quoting the input
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param offset 0-based character (or byte) offset, or -1 when unknown
     * @param cause the library's exception, or null
     */
    public JsonException(String problem, long line, long column, long offset, Throwable cause) {
        super(problem + position(line, column, offset), cause);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    public JsonException(String problem, Throwable cause) {
        this(problem, -1, -1, -1, cause);
    }

    private static String position(long line, long column, long offset) {
        StringBuilder sb = new StringBuilder();
        if (line >= 0) {
            sb.append(" at line ").append(line);
            if (column >= 0) {
                sb.append(", column ").append(column);
            }
        }
        if (offset >= 0) {
            sb.append(line >= 0 ? " (offset " : " at offset ").append(offset).append(line >= 0 ? ")" : "");
        }
        return sb.toString();
    }

    /** 1-based line of the problem, or -1. */
    public long line() {
        return line;
    }

    /** 1-based column of the problem, or -1. */
    public long column() {
        return column;
    }

    /** 0-based offset of the problem, or -1. */
    public long offset() {
        return offset;
    }

    /** True when the problem's place in the input is known. */
    public boolean hasPosition() {
        return line >= 0 || offset >= 0;
    }
}
