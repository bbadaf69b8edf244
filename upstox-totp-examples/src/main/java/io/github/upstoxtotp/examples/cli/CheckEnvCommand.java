package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.config.ConfigCheck;
import io.github.upstoxtotp.config.ConfigSource;
import io.github.upstoxtotp.config.Setting;
import io.github.upstoxtotp.config.SettingStatus;
import io.github.upstoxtotp.error.ConfigurationException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check-env}: every setting with its value (secrets masked: at most their first
 * characters), where it came from, and what is missing or malformed. Exit 0 when a login could
 * start with these settings, 2 otherwise. Never logs in, never touches the network.
 */
@Command(name = "check-env",
        mixinStandardHelpOptions = true,
        versionProvider = UpstoxTotpCli.Version.class,
        description = {"List every setting (secrets masked), where it comes from, and what is missing or malformed.",
                "Exit 0 when all is well, 2 otherwise."})
final class CheckEnvCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read settings from FILE instead of ./.env (the environment still wins).")
    private String envFile;

    CheckEnvCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<ConfigSource> layers;
        try {
            layers = CliSettings.layers(ctx, "flags", Map.of(), envFile);
        } catch (ConfigurationException e) {
            Failures.of(e).print(ctx.err());
            return ExitCodes.CONFIG;
        }
        ConfigCheck check = ConfigCheck.of(layers);
        PrintWriter out = ctx.out();
        out.println("Settings (first found wins: " + String.join(", ", layers.stream().map(ConfigSource::name).toList())
                + ", then defaults)");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SETTING", "VALUE", "FROM", "STATUS"});
        for (SettingStatus s : check.settings()) {
            rows.add(new String[] {s.setting().envName(), value(s), from(s), status(s)});
        }
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        String format = "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s%n";
        for (String[] row : rows) {
            out.printf(format, (Object[]) row);
        }
        out.println();
        for (String w : check.warnings()) {
            out.println("warning: " + w);
        }
        if (check.isValid()) {
            out.println("OK: all required settings are present and valid.");
            out.flush();
            return ExitCodes.OK;
        }
        List<String> problems = check.problems();
        out.println(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
        for (String p : problems) {
            out.println("  - " + p);
        }
        out.flush();
        ctx.err().println("error: the settings are incomplete or invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ", listed above)");
        ctx.err().flush();
        return ExitCodes.CONFIG;
    }

    private String value(SettingStatus s) {
        if (!s.displayValue().isEmpty()) {
            return s.displayValue();
        }
        if (s.setting() == Setting.TOKEN_STORE) {
            return "(default " + tokenFileShown() + ")";
        }
        return "-";
    }

    private String tokenFileShown() {
        String home = ctx.homeDir().toString();
        String file = CliSettings.defaultTokenFile(ctx).toString();
        return file.startsWith(home) ? "~" + file.substring(home.length()) : file;
    }

    private static String from(SettingStatus s) {
        if (s.source().isEmpty()) {
            return "not set";
        }
        return s.source();
    }

    private static String status(SettingStatus s) {
        if (s.ok()) {
            return s.setting().isRequired() || s.isSet() ? "ok" : "ok (optional)";
        }
        return s.isSet() ? "INVALID" : "MISSING";
    }
}
