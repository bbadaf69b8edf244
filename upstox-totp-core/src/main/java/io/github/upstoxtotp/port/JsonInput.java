package io.github.upstoxtotp.port;

import java.util.List;

/**
 * Input rules every {@link JsonPort} adapter needs and no JSON library gets quite right: strict
 * UTF-8 (RFC 3629), positions in raw input, and JSON paths for error messages that never copy
 * arbitrary input into a message. They live once here, in the core, rather than once per adapter.
 */
public final class JsonInput {

    private static final int MAX_SHOWN_NAME = 32;
    private static final int SHOWN_STEPS_EACH_END = 8;

    

    /**
     * Appends {@code .name} for short identifier-like names; any other name (it came from the
     * input and might be anything) is shown only by its length, as {@code ['<N chars>']}.
     */
    private static void appendName(StringBuilder sb, String name) {
        if (isPlain(name)) {
            sb.append('.').append(name);
        } else {
            sb.append("['<").append(name.length()).append(" chars>']");
        }
    }

    /**
     * {@code $} followed by the steps (member names as {@code appendName}, indexes as {@code [i]});
     * a path deeper than 16 steps shows its first and last 8 around {@code …}.
     */
    public static String path(List<Object> steps) {
        StringBuilder sb = new StringBuilder("$");
        int n = steps.size();
        for (int i = 0; i < n; i++) {
            if (n > 2 * SHOWN_STEPS_EACH_END && i == SHOWN_STEPS_EACH_END) {
                sb.append('…');
                i = n - SHOWN_STEPS_EACH_END;
            }
            Object step = steps.get(i);
            if (step instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else if (step instanceof String name) {
                appendName(sb, name);
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || name.length() > MAX_SHOWN_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    

    /**
     * Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629:
     * no overlong forms, no encoded surrogates, nothing above U+10FFFF, nothing cut off), or -1.
     */
    public static int firstInvalid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min = 0x80;
            int max = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c == 0xE0) {
                need = 2;
                min = 0xA0;
            } else if (c == 0xED) {
                need = 2;
                max = 0x9F;
            } else if (c >= 0xE1 && c <= 0xEF) {
                need = 2;
            } else if (c == 0xF0) {
                need = 3;
                min = 0x90;
            } else if (c >= 0xF1 && c <= 0xF3) {
                need = 3;
            } else if (c == 0xF4) {
                need = 3;
                max = 0x8F;
            } else {
                return i;
            }
            if (i + need >= n) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1: such text has no UTF-8 form. */
    public static int firstUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The char index in {@code s} whose UTF-8 encoding starts at {@code byteOffset} (s has no unpaired surrogates). */
    public static int charOffset(String s, long byteOffset) {
        long bytes = 0;
        int i = 0;
        while (i < s.length() && bytes < byteOffset) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
            i++;
        }
        return i;
    }

    /** 1-based line and column (in bytes) of {@code offset}. */
    public static long[] lineAndColumn(byte[] b, long offset) {
        long line = 1;
        long lineStart = 0;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new long[] {line, offset - lineStart + 1};
    }

    /** 1-based line and column (in chars) of {@code offset}. */
    public static long[] lineAndColumn(String s, int offset) {
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new long[] {line, offset - lineStart + 1L};
    }

    private JsonInput() {
    }
}
