package io.github.upstoxtotp.json.jackson;

import java.util.List;

/** Renders a JSON path for error messages without copying arbitrary input into them. */
final class PathText {
    private static final int MAX_SHOWN_NAME = 32;
    private static final int SHOWN_STEPS_EACH_END = 8;

    private PathText() {
    }

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
     * {@code $} followed by the steps (member names as {@link #appendName}, indexes as {@code [i]});
     * a path deeper than 16 steps shows its first and last 8 around {@code …}.
     */
    static String render(List<Object> steps) {
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
}
