package io.github.upstoxtotp.examples.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in captured output, line by line, and says who printed each line: the logger
 * of an slf4j-simple line ({@code [thread] LEVEL logger - message}, thread optional), {@code jul:<logger>} for a
 * java.util.logging line as the probe formats them, {@code dump} for the probe's own
 * {@code toString} lines, and for a continuation line (a stack trace) whoever printed the line
 * it continues.
 */
final class SecretScan {
    /** HttpClient 5's raw-traffic loggers: they print bodies and cookies at DEBUG, by design. */
    static final Set<String> HTTPCLIENT_WIRE_LOGGERS = Set.of(
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

    private static final Pattern SLF4J = Pattern.compile("^(?:\\[[^\\]]*\\] )?(TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - ");
    private static final Pattern JUL = Pattern.compile("^JUL (\\S+) ");

    /** One secret found: which, in which line, printed by whom. */
    record Hit(String secret, String source, String line) {
        @Override
        public String toString() {
            String shown = line.length() > 300 ? line.substring(0, 300) + "..." : line;
            return secret + " via " + source + ": " + shown;
        }
    }

    private SecretScan() {
    }

    /** Every occurrence of a secret in {@code text}; {@code secrets} maps value to name. */
    static List<Hit> scan(String text, Map<String, String> secrets) {
        List<Hit> hits = new ArrayList<>();
        String source = "start";
        for (String line : text.split("\\R")) {
            Matcher m = SLF4J.matcher(line);
            Matcher j = JUL.matcher(line);
            if (m.find()) {
                source = m.group(2);
            } else if (j.find()) {
                source = "jul:" + j.group(1);
            } else if (line.startsWith("DUMP ")) {
                source = "dump";
            } else if (!line.startsWith("\t") && !line.startsWith("Caused by") && !line.startsWith("\tat ")) {
                source = "unattributed";
            }
            for (Map.Entry<String, String> s : secrets.entrySet()) {
                if (line.contains(s.getKey())) {
                    hits.add(new Hit(s.getValue(), source, line));
                }
            }
        }
        return hits;
    }

    /** Hits not printed by HttpClient's raw-traffic loggers. */
    static List<Hit> outsideWireLog(List<Hit> hits) {
        return hits.stream().filter(h -> !HTTPCLIENT_WIRE_LOGGERS.contains(h.source())).toList();
    }
}
