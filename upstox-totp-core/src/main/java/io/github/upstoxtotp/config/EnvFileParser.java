package io.github.upstoxtotp.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code .env} text: {@code KEY=VALUE} lines, blank lines, {@code #} comments, an optional
 * {@code export} prefix, double-quoted values (with {@code \"}, {@code \\}, {@code \n} escapes),
 * single-quoted values (literal), and unquoted values with a trailing {@code " # comment"}.
 * A later line for the same key wins. Values span one line.
 *
 * <p>Why not dotenv-java's parser: in 3.2.0 a malformed line fails with a message that quotes the
 * whole line (so a {@code UPSTOX_PIN_CODE 123456} typo would put the PIN in an exception), gives
 * no line number, stops at the first bad line, silently swallows the rest of the file after an
 * unterminated quote, rejects {@code export KEY=...}, and keeps single quotes as part of the
 * value. This parser reports every bad line by number and never quotes a value: only a key
 * before {@code =}, or a known setting name.
 */
final class EnvFileParser {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Pattern EXPORT = Pattern.compile("^export\\s+");

    /** Parsed values, in file order; problems, one per bad line; keys whose line was bad. */
    record Result(Map<String, String> values, List<String> problems, Set<String> malformedKeys) {
    }

    private EnvFileParser() {
    }

    static Result parse(List<String> lines, String fileLabel) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> malformed = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String where = "line " + (i + 1) + " of " + fileLabel;
            String text = EXPORT.matcher(line.strip()).replaceFirst("");
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0) {
                String first = text.split("\\s+", 2)[0];
                if (Setting.byEnvName(first).isPresent()) {
                    malformed.add(first);
                    problems.add(first + ": " + where + " has no '=' (write " + first + "=value)");
                } else {
                    problems.add(where + " is not KEY=VALUE, a comment or a blank line");
                }
                continue;
            }
            String key = text.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                problems.add(where + ": the text before '=' is not a variable name");
                continue;
            }
            String error = parseValue(text.substring(eq + 1).strip(), key, values);
            if (error != null) {
                malformed.add(key);
                values.remove(key);
                problems.add(key + ": " + where + " " + error);
            }
        }
        return new Result(values, problems, malformed);
    }

    /** Puts the value into {@code values}, or returns what is wrong with it. */
    private static String parseValue(String raw, String key, Map<String, String> values) {
        if (raw.startsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            int i = 1;
            for (; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char n = raw.charAt(++i);
                    sb.append(n == 'n' ? '\n' : n == '"' || n == '\\' ? n : "\\" + n);
                } else {
                    sb.append(c);
                }
            }
            if (i >= raw.length()) {
                return "has an unterminated double quote (values must fit on one line)";
            }
            return put(key, sb.toString(), raw.substring(i + 1), values);
        }
        if (raw.startsWith("'")) {
            int close = raw.indexOf('\'', 1);
            if (close < 0) {
                return "has an unterminated single quote (values must fit on one line)";
            }
            return put(key, raw.substring(1, close), raw.substring(close + 1), values);
        }
        values.put(key, stripInlineComment(raw));
        return null;
    }

    private static String put(String key, String value, String rest, Map<String, String> values) {
        String after = rest.strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
            return "has text after the closing quote";
        }
        values.put(key, value);
        return null;
    }

    private static String stripInlineComment(String raw) {
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw;
    }
}
