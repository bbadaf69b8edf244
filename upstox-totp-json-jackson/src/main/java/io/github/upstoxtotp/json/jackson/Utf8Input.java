package io.github.upstoxtotp.json.jackson;

/** Byte-level checks Jackson does not make: strict UTF-8 (RFC 3629) and positions in raw input. */
final class Utf8Input {
    private Utf8Input() {
    }

    /**
     * Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1.
     * Rejects what Jackson lets through: overlong forms, encoded surrogates, code points above
     * U+10FFFF, stray continuation bytes and sequences cut off by the end of input.
     */
    static int firstInvalid(byte[] b) {
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

    /** 1-based line and column (in bytes) of {@code offset}. */
    static long[] lineAndColumn(byte[] b, int offset) {
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new long[] {line, offset - lineStart + 1L};
    }
}
