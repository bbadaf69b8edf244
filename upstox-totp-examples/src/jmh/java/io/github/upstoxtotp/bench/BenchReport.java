package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.JsonArray;
import io.github.upstoxtotp.port.JsonNumber;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonString;
import io.github.upstoxtotp.port.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what {@code ./bench} produced — JMH's JSON results, the cold-CLI runs and the pacing
 * measurement — and prints every number with its target and whether it was met, as Markdown.
 *
 * <p>Usage: {@code BenchReport <dir>} where the directory holds {@code jmh*.json}, and optionally
 * {@code cli.txt} and {@code pacing.txt} ({@code key=value} lines). Parsed with the project's own
 * Jackson adapter.
 */
public final class BenchReport {
    /** A String of 6 Latin-1 characters on a 64-bit JVM with compressed oops: 24 B header+fields, 24 B byte[6]. */
    static final double RESULT_STRING_BYTES = 48;

    private final Map<String, Result> results = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    /** {@code median} is the 50th percentile in sample mode, else the score. */
    record Result(double score, double error, String unit, double bytesPerOp, double median) {
    }

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "upstox-totp-examples/target/bench");
        BenchReport report = new BenchReport();
        try (var files = Files.list(dir)) {
            for (Path jmh : files.filter(f -> f.getFileName().toString().matches("jmh.*\\.json")).sorted().toList()) {
                report.read(Files.readString(jmh));
            }
        }
        report.write(readPairs(dir.resolve("cli.txt")), readPairs(dir.resolve("pacing.txt")),
                readPairs(dir.resolve("breakdown.txt")));
        System.out.print(report.out);
        Files.writeString(dir.resolve("summary.md"), report.out);
    }

    private void read(String text) {
        JsonArray runs = (JsonArray) new JacksonJsonPort().parse(text);
        for (JsonValue v : runs.elements()) {
            JsonObject run = (JsonObject) v;
            String name = str(run, "benchmark").replace("io.github.upstoxtotp.bench.", "");
            StringBuilder key = new StringBuilder(name);
            // parameters in name order: LoginFlowBenchmark.flow:jackson:okhttp (codec, transport)
            run.get("params").ifPresent(p -> new TreeMap<>(((JsonObject) p).members())
                    .forEach((k, pv) -> key.append(':').append(((JsonString) pv).value())));
            JsonObject primary = (JsonObject) run.get("primaryMetric").orElseThrow();
            double bytes = Double.NaN;
            JsonValue secondary = run.get("secondaryMetrics").orElse(null);
            if (secondary instanceof JsonObject s && s.get("gc.alloc.rate.norm").isPresent()) {
                bytes = num((JsonObject) s.get("gc.alloc.rate.norm").get(), "score");
            }
            double median = num(primary, "score");
            JsonValue percentiles = primary.get("scorePercentiles").orElse(null);
            if (str(run, "mode").equals("sample") && percentiles instanceof JsonObject p && p.get("50.0").isPresent()) {
                median = num(p, "50.0");
            }
            results.put(key.toString(), new Result(num(primary, "score"), num(primary, "scoreError"),
                    str(primary, "scoreUnit"), bytes, median));
        }
    }

    private void write(Map<String, String> cli, Map<String, String> pacing, Map<String, String> breakdown) {
        line("| # | measurement | result | target | verdict |");
        line("|---|---|---|---|---|");

        // 1. TOTP
        Result ours = results.get("TotpBenchmark.ours");
        Result javaOtp = results.get("TotpBenchmark.javaOtp");
        Result javaOtpInt = results.get("TotpBenchmark.javaOtpInt");
        Result sam = results.get("TotpBenchmark.samstevens");
        if (ours != null) {
            row("1", "TOTP code, ours", timed(ours) + ", " + fmt(ours.bytesPerOp) + " B/op", "", "");
            if (javaOtp != null) {
                row("1", "TOTP code, java-otp 0.4.0 (String)", timed(javaOtp) + ", " + fmt(javaOtp.bytesPerOp) + " B/op", "", "");
                double r = ours.score / javaOtp.score;
                row("1", "ours / java-otp (String codes)", ratio(r), "≤ 0.50", verdict(r <= 0.5));
            }
            if (javaOtpInt != null) {
                row("1", "TOTP code, java-otp 0.4.0 (int, unformatted)", timed(javaOtpInt) + ", " + fmt(javaOtpInt.bytesPerOp) + " B/op", "", "");
                double r = ours.score / javaOtpInt.score;
                row("1", "ours (String) / java-otp (int)", ratio(r), "≤ 0.50 (stricter reading)", verdict(r <= 0.5));
            }
            Result before = results.get("TotpBenchmark.oursBeforeTuning");
            if (before != null) {
                row("1", "ours before the tuning (cloned JDK digests)", timed(before) + ", " + fmt(before.bytesPerOp) + " B/op", "", "");
                row("1", "after / before", ratio(ours.score / before.score) + " time, "
                        + fmt(ours.bytesPerOp) + " vs " + fmt(before.bytesPerOp) + " B/op", "", "");
            }
            if (sam != null) {
                row("1", "TOTP code, samstevens totp 1.7.1", timed(sam) + ", " + fmt(sam.bytesPerOp) + " B/op", "", "");
                row("1", "ours / samstevens", ratio(ours.score / sam.score), "", "");
            }
            row("1", "ours: allocation per code", fmt(ours.bytesPerOp) + " B/op",
                    "≤ " + (int) RESULT_STRING_BYTES + " B/op (the String itself)",
                    verdict(ours.bytesPerOp <= RESULT_STRING_BYTES + 0.5));
        }

        // 2. cached token
        Result ns = results.get("TokenBenchmark.cachedNsPerOp");
        Result t1 = results.get("TokenBenchmark.cachedThroughput1Thread");
        Result t2 = results.get("TokenBenchmark.cachedThroughput2Threads");
        if (ns != null) {
            row("2", "accessToken(), cached, 1 thread", timed(ns), "≤ 25 ns/op", verdict(ns.score <= 25));
            row("2", "accessToken(): allocation", fmt(ns.bytesPerOp) + " B/op", "0 B/op", verdict(ns.bytesPerOp < 0.5));
        }
        if (t1 != null && t2 != null) {
            row("2", "throughput, 1 thread", timed(t1), "", "");
            row("2", "throughput, 2 threads", timed(t2), "", "");
            double r = t2.score / t1.score;
            row("2", "2 threads / 1 thread", ratio(r), "≥ 1.80", verdict(r >= 1.8));
        }
        Result c = results.get("TokenBenchmark.clockOnlyNsPerOp");
        Result c1 = results.get("TokenBenchmark.clockOnlyThroughput1Thread");
        Result c2 = results.get("TokenBenchmark.clockOnlyThroughput2Threads");
        if (c != null) {
            row("2", "reference: Clock.systemUTC().millis() alone", timed(c), "", "");
        }
        if (c1 != null && c2 != null) {
            row("2", "reference: clock alone, 2 threads / 1 thread (this machine's ceiling)",
                    timed(c2) + " / " + timed(c1) + " = " + ratio(c2.score / c1.score), "", "");
        }

        // 3. login flow
        double flowSum = 0;
        int flows = 0;
        for (String http : List.of("apache", "okhttp")) {
            for (String codec : List.of("jackson", "moshi")) {
                Result flow = results.get("LoginFlowBenchmark.flow:" + codec + ":" + http);
                Result base = results.get("LoginFlowBenchmark.baseline:" + codec + ":" + http);
                if (flow == null || base == null) {
                    continue;
                }
                flowSum += flow.median;
                flows++;
                double r = flow.median / base.median;
                row("3", "login " + http + " × " + codec + ": flow / baseline (medians)",
                        fmt(flow.median) + " / " + fmt(base.median) + " " + flow.unit + " = " + ratio(r)
                                + " (means " + timed(flow) + " / " + timed(base) + "; "
                                + kb(flow.bytesPerOp) + " / " + kb(base.bytesPerOp) + " allocated per login)",
                        "≤ 1.10", verdict(r <= 1.10));
            }
        }

        for (String codec : List.of("jackson", "moshi")) {
            String k = "breakdown." + codec + ".";
            if (breakdown.containsKey(k + "flowUs")) {
                row("3", "in memory, no HTTP (" + codec + "): login = simulator + flow logic; replay",
                        breakdown.get(k + "flowUs") + " µs = " + breakdown.get(k + "flowSimulatorUs") + " + "
                                + breakdown.get(k + "flowClientUs") + " µs; replay " + breakdown.get(k + "replayUs") + " µs",
                        "(explains 3)", "");
            }
        }

        // 4. JSON
        for (String op : List.of("parseOtpAnswer", "parseTokenAnswer", "writeTotpVerifyBody")) {
            Result j = results.get("JsonBenchmark." + op + ":jackson");
            Result m = results.get("JsonBenchmark." + op + ":moshi");
            if (j != null && m != null) {
                row("4", op + ": Jackson vs Moshi", timed(j) + ", " + fmt(j.bytesPerOp) + " B/op vs "
                        + timed(m) + ", " + fmt(m.bytesPerOp) + " B/op", "(reported)", "Moshi/Jackson " + ratio(m.score / j.score));
            }
        }

        // 5. cold CLI
        if (!cli.isEmpty()) {
            List<Double> walls = new ArrayList<>();
            double maxRss = 0;
            for (Map.Entry<String, String> e : new TreeMap<>(cli).entrySet()) {
                if (e.getKey().startsWith("run.") && e.getKey().endsWith(".wallS")) {
                    walls.add(Double.parseDouble(e.getValue()));
                } else if (e.getKey().startsWith("run.") && e.getKey().endsWith(".rssKb")) {
                    maxRss = Math.max(maxRss, Double.parseDouble(e.getValue()));
                }
            }
            walls.sort(null);
            if (!walls.isEmpty()) {
                double median = walls.get(walls.size() / 2);
                row("5", "cold CLI, median wall of " + walls.size() + " (" + walls + ")",
                        fmt(median) + " s", "≤ 1.2 s", verdict(median <= 1.2));
                row("5", "cold CLI, peak RSS (max of " + walls.size() + ")", fmt(maxRss / 1024) + " MB",
                        "≤ 160 MB", verdict(maxRss / 1024 <= 160));
            }
        }

        // 6. against the Python SDK
        if (!pacing.isEmpty()) {
            double sleepMs = Double.parseDouble(pacing.get("pacing.sleepTimeMs"));
            double slept = Double.parseDouble(pacing.get("pacing.sleptMs"));
            double wall = Double.parseDouble(pacing.get("pacing.wallMs"));
            row("6", "pacing per login, ours (" + pacing.get("pacing.exchanges") + " exchanges, measured)",
                    fmt(slept) + " ms slept, login " + fmt(wall) + " ms", "SDK: 6 × " + fmt(sleepMs) + " = "
                            + fmt(6 * sleepMs) + " ms slept", "ours/SDK " + ratio(slept / (6 * sleepMs)));
            if (ns != null && flows > 0) {
                double loginUs = flowSum / flows;
                row("6", "second accessToken() call", "ours: " + timed(ns) + " (cached)",
                        "SDK: a new login ≈ " + fmt(loginUs) + " µs (our flow's median, benchmark 3) + " + fmt(6 * sleepMs) + " ms sleeps",
                        "≈ " + String.format(Locale.ROOT, "%.1e", (loginUs * 1e3 + 6 * sleepMs * 1e6) / ns.score) + "× faster");
            }
        }
    }

    private static Map<String, String> readPairs(Path file) throws IOException {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file)) {
                int eq = l.indexOf('=');
                if (eq > 0 && !l.startsWith("#")) {
                    pairs.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
                }
            }
        }
        return pairs;
    }

    private static String str(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow()).value();
    }

    private static double num(JsonObject o, String name) {
        JsonValue v = o.get(name).orElseThrow();
        return v instanceof JsonNumber n ? n.value().doubleValue() : Double.NaN; // JMH writes "NaN" as a string
    }

    private static String timed(Result r) {
        return fmt(r.score) + " ± " + fmt(r.error) + " " + r.unit;
    }

    private static String kb(double bytes) {
        return fmt(bytes / 1024) + " KB";
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    private static String fmt(double d) {
        if (Double.isNaN(d)) {
            return "n/a";
        }
        double a = Math.abs(d);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", d);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private void row(String n, String what, String result, String target, String verdict) {
        line("| " + n + " | " + what + " | " + result + " | " + target + " | " + verdict + " |");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
