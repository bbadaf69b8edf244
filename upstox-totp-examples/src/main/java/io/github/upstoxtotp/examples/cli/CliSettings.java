package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.config.ConfigSource;
import io.github.upstoxtotp.config.Setting;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CLI's settings come from, highest precedence first: flags, the environment, then
 * {@code --env-file} (which must exist) or else {@code .env} in the working directory (if any).
 * Validation is the config package's ({@link UpstoxTotpConfig#from}, {@code ConfigCheck}).
 */
final class CliSettings {
    /** {@code UPSTOX_TOKEN_STORE} value that keeps no token between runs. */
    static final String NO_STORE = "none";

    private CliSettings() {
    }

    /**
     * The layers for one command.
     *
     * @param flags settings given on the command line, by environment-variable name; the layer's
     *     name is what {@code check-env} shows as the source
     * @param envFile the {@code --env-file} value, or {@code null}
     * @throws io.github.upstoxtotp.error.ConfigurationException if {@code envFile} is given and
     *     missing or unreadable
     */
    static List<ConfigSource> layers(CliContext ctx, String flagsName, Map<String, String> flags, String envFile) {
        List<ConfigSource> layers = new ArrayList<>(3);
        if (!flags.isEmpty()) {
            layers.add(ConfigSource.of(flagsName, flags));
        }
        layers.add(ConfigSource.of("environment", ctx.env()));
        if (envFile != null) {
            layers.add(ConfigSource.envFile(ctx.resolve(envFile)));
        } else {
            ConfigSource.optionalEnvFile(ctx.workingDir().resolve(ConfigSource.DOTENV)).ifPresent(layers::add);
        }
        return layers;
    }

    /** The value the first layer gives for {@code setting}, trimmed. */
    static Optional<String> first(List<ConfigSource> layers, Setting setting) {
        for (ConfigSource layer : layers) {
            Optional<String> v = layer.get(setting.envName());
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** The token file used when {@code UPSTOX_TOKEN_STORE} is not set: {@code ~/.upstox-totp/tokens.json}. */
    static Path defaultTokenFile(CliContext ctx) {
        return ctx.homeDir().resolve(".upstox-totp").resolve("tokens.json");
    }

    /** Whether a {@code UPSTOX_TOKEN_STORE} value means "keep nothing". */
    static boolean isNoStore(String value) {
        return NO_STORE.equals(value.strip().toLowerCase(Locale.ROOT));
    }
}
