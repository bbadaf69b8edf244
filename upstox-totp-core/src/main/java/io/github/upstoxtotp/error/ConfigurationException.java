package io.github.upstoxtotp.error;

import java.util.List;

/**
 * The configuration is missing, malformed or inconsistent.
 *
 * <p>Every problem found is reported at once: {@link #problems()} lists them, one per setting,
 * each naming the setting by its environment-variable name (e.g. {@code UPSTOX_PIN_CODE}) and
 * saying what is wrong, never what the secret value was.
 */
public final class ConfigurationException extends UpstoxTotpException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, one line each, in the order the settings are documented. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid configuration: " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder("Invalid configuration (").append(problems.size()).append(" problems):");
        for (String p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }
}
