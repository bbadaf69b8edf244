package io.github.upstoxtotp.totp;

import java.util.Arrays;
import java.util.Objects;

/**
 * An RFC 4648 Base32 decoder, lenient in the ways people paste TOTP secrets.
 *
 * <ul>
 *   <li>letters in any case;</li>
 *   <li>whitespace (including no-break spaces) and dashes anywhere are ignored;</li>
 *   <li>padding ({@code =}) is optional, but when present it must be the right amount and
 *       only at the end.</li>
 * </ul>
 * Everything else is rejected with a {@link Base32Exception} that names the position and the
 * problem, never the character. Bits left over in the last letter are ignored, as RFC 4648
 * permits and as Python's {@code base64.b32decode} (used by the Python SDK) does.
 *
 * <p>Stateless and thread-safe.
 */
public final class Base32 {
    private static final String NOT_A_LETTER =
            " is not a Base32 letter (A-Z, 2-7; the digits 0, 1, 8 and 9 are not used)";

    private Base32() {
    }

    /**
     * Decodes {@code text}.
     *
     * @param text Base32 text, possibly with spaces, dashes, lower case letters, no padding
     * @return the decoded bytes; empty for an empty (or separators-only) text
     * @throws Base32Exception if the text is not Base32; the message never quotes the text
     * @throws NullPointerException if {@code text} is null
     */
    public static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int length = text.length();
        byte[] out = new byte[(int) ((long) length * 5 / 8)];
        try {
            int written = 0;
            int buffer = 0;
            int bits = 0;
            int letters = 0;
            int lastLetterPosition = 0;
            int paddings = 0;
            int firstPaddingPosition = 0;
            int position = 0;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                // every char before the first bad one is in the alphabet or a separator (all in
                // the BMP), so counting chars counts what a person sees, even if a bad one is an emoji
                position++;
                if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    continue;
                }
                if (c == '=') {
                    if (paddings++ == 0) {
                        firstPaddingPosition = position;
                    }
                    continue;
                }
                int value = valueOf(c);
                if (value < 0) {
                    throw new Base32Exception(position, "character " + position + NOT_A_LETTER);
                }
                if (paddings > 0) {
                    throw new Base32Exception(firstPaddingPosition, "character " + firstPaddingPosition
                            + " is padding in the middle of the text; padding may only come at the end");
                }
                letters++;
                lastLetterPosition = position;
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    bits -= 8;
                    out[written++] = (byte) (buffer >>> bits);
                    buffer &= (1 << bits) - 1;
                }
            }
            checkEnd(letters % 8, lastLetterPosition, paddings, firstPaddingPosition);
            return Arrays.copyOf(out, written);
        } finally {
            // the scratch array held the decoded secret
            Arrays.fill(out, (byte) 0);
        }
    }

    private static void checkEnd(int lettersInLastGroup, int lastLetterPosition, int paddings, int firstPaddingPosition) {
        if (lettersInLastGroup == 1 || lettersInLastGroup == 3 || lettersInLastGroup == 6) {
            throw new Base32Exception(lastLetterPosition, "character " + lastLetterPosition
                    + " ends a group of " + lettersInLastGroup + " letter(s), which Base32 cannot produce"
                    + " (a last group has 2, 4, 5, 7 or 8 letters): a letter is missing or extra");
        }
        if (paddings == 0) {
            return;
        }
        int expected = lettersInLastGroup == 0 ? 0 : 8 - lettersInLastGroup;
        if (paddings != expected) {
            String need = expected == 0 ? "no padding is needed there" : expected + " padding characters are needed";
            throw new Base32Exception(firstPaddingPosition, "character " + firstPaddingPosition
                    + " starts " + paddings + " padding character(s), but " + need
                    + " (padding may also be left out)");
        }
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
