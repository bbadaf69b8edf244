package io.github.upstoxtotp.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code check-env} shows: every setting with its masked value, where it came from and what
 * is wrong with it, without throwing. {@link #problems()} is exactly what building a config from
 * the same layers would report.
 *
 * @param settings one status per {@link Setting}, in table order
 * @param problems every problem, as {@link io.github.upstoxtotp.error.ConfigurationException} would list them
 * @param warnings things that do not stop a login, e.g. an unknown {@code UPSTOX_*} name (a typo?)
 */
public record ConfigCheck(List<SettingStatus> settings, List<String> problems, List<String> warnings) {
    private static final String PREFIX = "UPSTOX_";

    /** Copies the lists. */
    public ConfigCheck {
        settings = List.copyOf(settings);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /**
     * Checks the settings the given layers hold, first layer first, as
     * {@link UpstoxTotpConfig#from(List)} would.
     */
    public static ConfigCheck of(List<ConfigSource> layers) {
        List<SettingStatus> statuses = new ArrayList<>();
        for (Setting s : Setting.values()) {
            statuses.add(status(s, layers));
        }
        return new ConfigCheck(statuses, UpstoxTotpConfig.Builder.fromLayers(layers).problems(), warnings(layers));
    }

    /**
     * Checks the environment plus {@code envFile}, or plus {@code .env} in the working directory
     * when {@code envFile} is {@code null}.
     *
     * @throws io.github.upstoxtotp.error.ConfigurationException if {@code envFile} is given and missing
     */
    public static ConfigCheck ofEnv(Path envFile) {
        return of(ConfigSource.standard(envFile));
    }

    /** Whether a config can be built from these settings. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The status of one setting. */
    public SettingStatus status(Setting setting) {
        return settings.get(setting.ordinal());
    }

    private static SettingStatus status(Setting s, List<ConfigSource> layers) {
        for (ConfigSource layer : layers) {
            Optional<String> v = layer.get(s.envName());
            if (v.isPresent()) {
                return new SettingStatus(s, SettingRules.display(s, v.get()), layer.name(),
                        Optional.ofNullable(SettingRules.problem(s, v.get())), false);
            }
        }
        if (s.defaultValue().isPresent()) {
            return new SettingStatus(s, s.defaultValue().get(), "default", Optional.empty(), true);
        }
        Optional<String> problem = Optional.empty();
        if (s.isRequired()) {
            Optional<ConfigSource> bad = layers.stream().filter(l -> l.isMalformed(s.envName())).findFirst();
            problem = Optional.of(bad.isPresent()
                    ? s.envName() + " could not be read: its line in " + bad.get().name() + " is malformed"
                    : SettingRules.missing(s));
        }
        return new SettingStatus(s, "", "", problem, false);
    }

    private static List<String> warnings(List<ConfigSource> layers) {
        Set<String> warnings = new LinkedHashSet<>();
        for (ConfigSource layer : layers) {
            for (String name : layer.names()) {
                if (name.startsWith(PREFIX) && Setting.byEnvName(name).isEmpty()) {
                    warnings.add(name + " (in " + layer.name() + ") is not a known setting");
                }
            }
        }
        List<String> sorted = new ArrayList<>(warnings);
        sorted.sort(null);
        return sorted;
    }
}
