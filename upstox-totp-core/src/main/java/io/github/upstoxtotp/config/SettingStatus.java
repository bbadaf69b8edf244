package io.github.upstoxtotp.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link ConfigCheck}: a setting, how to show its value, where it came from, and
 * what is wrong with it, if anything.
 *
 * @param setting the setting
 * @param displayValue the value to show: as given for plain settings, a mask such as {@code "JB****"}
 *     (at most two leading characters) for secrets, the default when defaulted, {@code ""} when unset
 * @param source the layer that gave the value ({@code "environment"}, a file path, ...),
 *     {@code "default"}, or {@code ""} when unset
 * @param problem what is wrong, starting with the setting's environment-variable name; never a
 *     secret value
 * @param defaulted whether the default is in use
 */
public record SettingStatus(Setting setting, String displayValue, String source, Optional<String> problem,
        boolean defaulted) {

    /** Checks the components are present. */
    public SettingStatus {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(displayValue, "displayValue");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether the setting is acceptable (possibly unset, if it is optional). */
    public boolean ok() {
        return problem.isEmpty();
    }

    /** Whether some layer gave a value. */
    public boolean isSet() {
        return !defaulted && !source.isEmpty();
    }

    /** e.g. {@code UPSTOX_PIN_CODE=**** (environment) OK}; safe to print. */
    @Override
    public String toString() {
        String from = source.isEmpty() ? "not set" : source;
        return setting.envName() + "=" + displayValue + " (" + from + ") " + problem.orElse("OK");
    }
}
