package io.github.upstoxtotp.config;

import io.github.upstoxtotp.totp.Base32;
import io.github.upstoxtotp.totp.Base32Exception;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The validation rule of each setting and the conversions that follow it. Every message starts
 * with the setting's environment-variable name and never contains the value of a secret setting.
 * Values reaching here are trimmed and non-empty.
 */
final class SettingRules {
    static final long MAX_SLEEP_MILLIS = 10_000;
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    private SettingRules() {
    }

    /** The problem of a required setting that no layer gives. */
    static String missing(Setting s) {
        return s.envName() + " is missing (" + s.description() + ")";
    }

    /**
     * Every problem of a set of values, in {@link Setting} order. {@code sleepTime}, when not
     * null, stands for {@link Setting#SLEEP_TIME}; a required setting in {@code malformed} is not
     * reported missing, its malformed line being reported already.
     */
    static List<String> problems(Map<Setting, String> values, Duration sleepTime, Set<Setting> malformed) {
        List<String> problems = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String v = values.get(s);
            String p;
            if (s == Setting.SLEEP_TIME && sleepTime != null) {
                p = sleepTimeProblem(sleepTime);
            } else if (v == null) {
                p = s.isRequired() && !malformed.contains(s) ? missing(s) : null;
            } else {
                p = problem(s, v);
            }
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    /** What is wrong with {@code value} for {@code s}, or {@code null} if it is acceptable. */
    static String problem(Setting s, String value) {
        switch (s) {
            case USERNAME:
                return username(value);
            case PIN_CODE:
                return pin(value);
            case TOTP_SECRET:
                return totpSecret(value);
            case CLIENT_ID:
            case CLIENT_SECRET:
                return value.chars().anyMatch(Character::isWhitespace)
                        ? s.envName() + " must not contain spaces or line breaks" : null;
            case REDIRECT_URI:
                return url(s, value, false);
            case API_BASE_URL:
            case SERVICE_BASE_URL:
                return url(s, value, true);
            case DEBUG:
                return TRUE.contains(lower(value)) || FALSE.contains(lower(value)) ? null
                        : s.envName() + " must be one of true/false, 1/0, yes/no, on/off";
            case SLEEP_TIME:
                return sleepTime(value);
            case TOKEN_STORE:
                return tokenStore(value);
            case LOGIN_PROTOCOL:
                return loginProtocol(value);
            default:
                return null; // PASSWORD: anything goes, it is never used
        }
    }

    static String sleepTimeProblem(Duration d) {
        return d.isNegative() || d.compareTo(Duration.ofMillis(MAX_SLEEP_MILLIS)) > 0
                ? Setting.SLEEP_TIME.envName() + " must be from 0 to " + MAX_SLEEP_MILLIS + " ms (got "
                        + (d.isNegative() ? "a negative duration" : "more than " + MAX_SLEEP_MILLIS + " ms") + ")"
                : null;
    }

    static boolean parseDebug(String value) {
        return TRUE.contains(lower(value));
    }

    /**
     * The TOTP secret without spaces, dashes or padding, in upper case: what {@link Base32} reads
     * the same way as the text given (separators ignored as {@code Base32} ignores them).
     */
    static String normalizeTotp(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isSeparator(c)) {
                sb.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '=') {
            end--;
        }
        sb.setLength(end);
        return sb.toString();
    }

    /** How {@code check-env} shows a value: secrets as a mask with at most two leading characters. */
    static String display(Setting s, String value) {
        if (!s.isSecret()) {
            return value;
        }
        boolean hintAllowed = s == Setting.TOTP_SECRET || s == Setting.CLIENT_SECRET;
        int visible = hintAllowed ? Math.min(2, value.length() / 4) : 0;
        return value.substring(0, visible) + "****";
    }

    private static String username(String v) {
        String name = Setting.USERNAME.envName();
        if (v.startsWith("+91") || v.length() == 12 && v.startsWith("91") && allDigits(v)) {
            return name + " must be the 10-digit mobile number without the country code: drop the leading "
                    + (v.startsWith("+") ? "+91" : "91");
        }
        int bad = firstNonDigit(v);
        if (bad >= 0) {
            return name + " must be exactly 10 digits (character " + (bad + 1) + " is not a digit)";
        }
        return v.length() == 10 ? null : name + " must be exactly 10 digits (got " + v.length() + " characters)";
    }

    private static String pin(String v) {
        String name = Setting.PIN_CODE.envName();
        if (firstNonDigit(v) >= 0) {
            return looksLikeBase64Pin(v)
                    ? name + " looks base64-encoded: give the plain 4-6 digit PIN (it is encoded once when sent)"
                    : name + " must be 4 to 6 digits (it contains a character that is not a digit)";
        }
        if (v.length() < 4) {
            return name + " must be 4 to 6 digits (it is shorter than 4)";
        }
        return v.length() > 6 ? name + " must be 4 to 6 digits (it is longer than 6)" : null;
    }

    private static boolean looksLikeBase64Pin(String v) {
        try {
            byte[] decoded = Base64.getDecoder().decode(v);
            String text = new String(decoded, StandardCharsets.US_ASCII);
            Arrays.fill(decoded, (byte) 0);
            return text.length() >= 4 && text.length() <= 6 && firstNonDigit(text) < 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String totpSecret(String value) {
        String name = Setting.TOTP_SECRET.envName();
        byte[] key;
        try {
            key = Base32.decode(value);
        } catch (Base32Exception e) {
            // Base32Exception's contract: the message names a position, never a character
            String why = e.getMessage() == null ? "" : e.getMessage();
            return name + " is not valid Base32: "
                    + (why.startsWith("character " + e.position() + " ") ? why : "at character " + e.position() + ": " + why);
        }
        boolean empty = key.length == 0;
        Arrays.fill(key, (byte) 0);
        return empty ? name + " holds no Base32 letters, only spaces, dashes or '='" : null;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String url(Setting s, String v, boolean base) {
        String name = s.envName();
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            int space = firstWhitespace(v);
            if (space >= 0) {
                return name + " is not a valid URL (character " + (space + 1) + " is a space)";
            }
            // the JDK's index points at the part it was parsing, not always at the bad character
            return name + " is not a valid URL" + (e.getIndex() >= 0 ? " (near character " + (e.getIndex() + 1)
                    + ")" : "");
        }
        String scheme = uri.getScheme() == null ? null : lower(uri.getScheme());
        if (scheme == null) {
            return name + " must be an absolute http(s) URL, starting with https:// or http://";
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return name + " must be an http or https URL (its scheme is '" + uri.getScheme() + "')";
        }
        if (uri.isOpaque() || (base ? uri.getHost() == null : uri.getRawAuthority() == null)) {
            return name + " must name a host, like " + (base ? "https://api.upstox.com" : "https://127.0.0.1:5000/");
        }
        if (uri.getRawFragment() != null || base && uri.getRawQuery() != null) {
            return name + " must not have " + (base ? "a query or fragment" : "a fragment (#...)");
        }
        return null;
    }

    private static String sleepTime(String v) {
        String name = Setting.SLEEP_TIME.envName();
        if (!v.matches("[+-]?[0-9]+")) {
            return name + " must be a whole number of milliseconds from 0 to " + MAX_SLEEP_MILLIS
                    + " (it is not a whole number)";
        }
        String digits = v.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        boolean negative = v.startsWith("-") && !digits.equals("0");
        if (negative || digits.length() > 5 || Long.parseLong(digits) > MAX_SLEEP_MILLIS) {
            return name + " must be from 0 to " + MAX_SLEEP_MILLIS + " ms (got " + v + ")";
        }
        return null;
    }

    static Duration parseSleepTime(String v) {
        return Duration.ofMillis(Long.parseLong(v.replaceFirst("^\\+", "")));
    }

    private static String tokenStore(String v) {
        if (lower(v).equals("none")) {
            return null;
        }
        try {
            Path.of(v);
            return null;
        } catch (InvalidPathException e) {
            return Setting.TOKEN_STORE.envName() + " must be a file path or 'none' (it is not a valid path here)";
        }
    }

    private static String loginProtocol(String v) {
        if (UpstoxTotpConfig.LOGIN_PROTOCOLS.contains(lower(v))) {
            return null;
        }
        // quoting a short name shows the typo at once; anything longer may be a secret pasted in the wrong place
        String got = v.matches("[A-Za-z0-9._-]{1,16}") ? "'" + v + "'" : "a value of " + v.length() + " characters";
        return Setting.LOGIN_PROTOCOL.envName() + " must be one of " + String.join(", ", UpstoxTotpConfig.LOGIN_PROTOCOLS)
                + " (got " + got + ")";
    }

    /** The protocol name as the table spells it (lower case); the value is valid. */
    static String parseLoginProtocol(String v) {
        return lower(v);
    }

    private static int firstNonDigit(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return i;
            }
        }
        return -1;
    }

    private static int firstWhitespace(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isWhitespace(v.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allDigits(String v) {
        return firstNonDigit(v) < 0;
    }

    private static String lower(String v) {
        return v.toLowerCase(Locale.ROOT);
    }
}
