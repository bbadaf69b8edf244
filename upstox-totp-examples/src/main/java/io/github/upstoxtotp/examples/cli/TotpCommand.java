package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.config.ConfigCheck;
import io.github.upstoxtotp.config.ConfigSource;
import io.github.upstoxtotp.config.Setting;
import io.github.upstoxtotp.config.SettingStatus;
import io.github.upstoxtotp.error.ConfigurationException;
import io.github.upstoxtotp.totp.TotpGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code totp}: the code for {@code UPSTOX_TOTP_SECRET}, now or at {@code --at}. The code alone
 * goes to stdout; without {@code --at}, the seconds left in its 30 s window go to stderr. Only
 * {@code UPSTOX_TOTP_SECRET} needs to be set.
 */
@Command(name = "totp",
        mixinStandardHelpOptions = true,
        versionProvider = UpstoxTotpCli.Version.class,
        description = {"Print the TOTP code for UPSTOX_TOTP_SECRET, now (with the seconds it has left, on stderr)"
                + " or at --at."})
final class TotpCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read settings from FILE instead of ./.env (the environment still wins).")
    private String envFile;

    @Option(names = "--at", paramLabel = "EPOCH_SECONDS",
            description = "The instant to compute the code for, in seconds since 1970-01-01T00:00Z.")
    private Long at;

    TotpCommand(CliContext ctx) {
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
        SettingStatus status = ConfigCheck.of(layers).status(Setting.TOTP_SECRET);
        if (!status.ok()) {
            ctx.err().println("error: " + status.problem().orElseThrow());
            ctx.err().println("tip: " + Failures.CHECK_ENV_TIP);
            return ExitCodes.CONFIG;
        }
        char[] secret = CliSettings.first(layers, Setting.TOTP_SECRET).orElseThrow().toCharArray();
        TotpGenerator totp;
        try {
            totp = TotpGenerator.forBase32Secret(secret);
        } catch (RuntimeException e) {
            // the config check already accepts only decodable secrets; the messages never quote the secret
            ctx.err().println("error: UPSTOX_TOTP_SECRET: " + e.getMessage());
            return ExitCodes.CONFIG;
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (at != null) {
            ctx.out().println(totp.generate(at));
        } else {
            Instant now = ctx.clock().instant();
            ctx.out().println(totp.generate(now));
            ctx.err().println(totp.secondsLeft(now) + " s left in this " + totp.step().toSeconds() + " s window");
        }
        ctx.out().flush();
        ctx.err().flush();
        return ExitCodes.OK;
    }
}
