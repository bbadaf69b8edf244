package io.github.upstoxtotp.totp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.CharBuffer;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    @ParameterizedTest(name = "\"{0}\" decodes to \"{1}\"")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''                 | ''
            MY======           | f
            MZXQ====           | fo
            MZXW6===           | foo
            MZXW6YQ=           | foob
            MZXW6YTB           | fooba
            MZXW6YTBOI======   | foobar
            """)
    void decodesTheRfc4648Section10Vectors(String encoded, String expected) {
        assertArrayEquals(expected.getBytes(US_ASCII), Base32.decode(encoded));
    }

    @ParameterizedTest(name = "\"{0}\" decodes to \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            my======          | f
            mzxw6ytboi======  | foobar
            MzXw6YtBoI        | foobar
            MY                | f
            MZXQ              | fo
            MZXW6             | foo
            MZXW6YQ           | foob
            'MZXW 6YTB OI'    | foobar
            '  MZXW6YTBOI  '  | foobar
            MZXW-6YTB-OI      | foobar
            'mzxw - 6ytb - oi ====== ' | foobar
            'MZXW6YTBOI== ===='        | foobar
            """)
    void acceptsLowerCaseSeparatorsAndMissingPadding(String encoded, String expected) {
        assertArrayEquals(expected.getBytes(US_ASCII), Base32.decode(encoded));
    }

    @Test
    void ignoresTabsNewlinesAndNoBreakSpaces() {
        assertArrayEquals("foobar".getBytes(US_ASCII), Base32.decode("MZXW\t6YTB\u00a0OI\r\n"));
    }

    @Test
    void separatorsOnlyDecodeToNothing() {
        assertArrayEquals(new byte[0], Base32.decode(" - \t"));
    }

    @Test
    void acceptsAnyCharSequence() {
        assertArrayEquals("foobar".getBytes(US_ASCII), Base32.decode(CharBuffer.wrap("MZXW6YTBOI".toCharArray())));
        assertArrayEquals("foobar".getBytes(US_ASCII), Base32.decode(new StringBuilder("MZXW6YTBOI")));
    }

    @Test
    void ignoresLeftoverBitsInTheLastLetter() {
        // "MZ" and "MY" differ only in the two bits that do not make a whole byte
        assertArrayEquals(Base32.decode("MY"), Base32.decode("MZ"));
    }

    @Test
    void decodesAUsualAuthenticatorSecret() {
        assertArrayEquals("Hello!\u00de\u00ad\u00be\u00ef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                Base32.decode("JBSWY3DPEHPK3PXP"));
    }

    @Test
    void isUnaffectedByTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR")); // dotless i
            assertArrayEquals("foobar".getBytes(US_ASCII), Base32.decode("mzxw6ytboi"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            JBSWY31PEHPK3PXP   | 7
            JBSWY3D0EHPK3PXP   | 8
            JBSWY3DPE8PK3PXP   | 10
            JBSWY3DPEHP9K3PX   | 12
            JBSWY3DPEHPK3PX!   | 16
            'JB SW Y3 1P'      | 10
            JBSW.Y3DP          | 5
            JBSW_Y3DP          | 5
            JBSW+Y3DP          | 5
            JBSW/Y3DP          | 5
            """)
    void rejectsCharactersOutsideTheAlphabet(String input, int position) {
        Base32Exception e = assertThrows(Base32Exception.class, () -> Base32.decode(input));
        assertEquals(position, e.position());
        assertEquals("character " + position
                + " is not a Base32 letter (A-Z, 2-7; the digits 0, 1, 8 and 9 are not used)", e.getMessage());
        assertLeaksNothing(input, e);
    }

    @Test
    void pointsAtAnEmojiWithoutQuotingIt() {
        String input = "JB SW\uD83D\uDE00Y3DP";
        Base32Exception e = assertThrows(Base32Exception.class, () -> Base32.decode(input));
        assertEquals(6, e.position());
        assertFalse(e.getMessage().contains("\uD83D"));
    }

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MY==MZXQ           | 3
            MZXW6===YQ         | 6
            'MZ XW 6= YQ'      | 8
            =MZXW6YTB          | 1
            """)
    void rejectsPaddingInTheMiddle(String input, int position) {
        Base32Exception e = assertThrows(Base32Exception.class, () -> Base32.decode(input));
        assertEquals(position, e.position());
        assertEquals("character " + position
                + " is padding in the middle of the text; padding may only come at the end", e.getMessage());
        assertLeaksNothing(input, e);
    }

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MY=               | 3
            MY=======         | 3
            MZXW6YQ==         | 8
            MZXW6YTB=         | 9
            'MZXW6YTB ========' | 10
            """)
    void rejectsTheWrongAmountOfPadding(String input, int position) {
        Base32Exception e = assertThrows(Base32Exception.class, () -> Base32.decode(input));
        assertEquals(position, e.position());
        assertEquals(true, e.getMessage().startsWith("character " + position + " starts "), e.getMessage());
        assertLeaksNothing(input, e);
    }

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            M                 | 1
            MZX               | 3
            MZXW6Y            | 6
            MZXW6YTBO         | 9
            'MZX ='           | 3
            'MZXW6Y ==='      | 6
            """)
    void rejectsALastGroupBase32CannotProduce(String input, int position) {
        Base32Exception e = assertThrows(Base32Exception.class, () -> Base32.decode(input));
        assertEquals(position, e.position());
        assertEquals(true, e.getMessage().startsWith("character " + position + " ends a group of "), e.getMessage());
        assertLeaksNothing(input, e);
    }

    @Test
    void isAnIllegalArgumentException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base32.decode("A1"));
        assertEquals(Base32Exception.class, e.getClass());
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> Base32.decode(null));
    }

    /** No run of 3 input characters (ignoring case) and no character outside the alphabet is in the message. */
    private static void assertLeaksNothing(String input, Base32Exception e) {
        String message = e.getMessage().toUpperCase(Locale.ROOT);
        String compact = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        for (int i = 0; i + 3 <= compact.length(); i++) {
            String window = compact.substring(i, i + 3);
            assertFalse(message.contains(window), () -> "message quotes \"" + window + "\": " + e.getMessage());
        }
        for (char c : new char[] {'!', '.', '_', '+', '/', '=', '\'', '"'}) {
            assertFalse(message.indexOf(c) >= 0, () -> "message has '" + c + "': " + e.getMessage());
        }
    }
}
