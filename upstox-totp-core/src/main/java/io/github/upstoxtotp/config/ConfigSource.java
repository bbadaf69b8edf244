package io.github.upstoxtotp.config;

import io.github.upstoxtotp.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One layer of settings by environment-variable name: command-line flags, the process
 * environment, a {@code .env} file, or a plain map in tests. Layers are consulted in order and
 * the first one with a non-blank value for a setting wins; a blank value counts as not set.
 *
 * <p>A file layer also carries the problems found while parsing it (a malformed line, say), so
 * that they are reported together with every other problem. Immutable and thread-safe.
 */
public final class ConfigSource {
    /** The name of the {@code .env} file looked for in the working directory. */
    public static final String DOTENV = ".env";

    private final String name;
    private final Map<String, String> values;
    private final List<String> problems;
    private final Set<String> malformedKeys;

    private ConfigSource(String name, Map<String, String> values, List<String> problems, Set<String> malformedKeys) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
        this.malformedKeys = Set.copyOf(malformedKeys);
    }

    /**
     * A layer over a map of values (copied; {@code null} values are dropped).
     *
     * @param name where the values come from, e.g. {@code "flags"}; shown by {@code check-env}
     */
    public static ConfigSource of(String name, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return new ConfigSource(name, copy, List.of(), Set.of());
    }

    /** The process environment ({@link System#getenv()}), named {@code "environment"}. */
    public static ConfigSource environment() {
        return of("environment", System.getenv());
    }

    /**
     * The entries declared in a {@code .env} file (UTF-8). Malformed lines do not throw; they
     * become {@link #problems()}, reported with every other problem when the config is built.
     *
     * @throws ConfigurationException if the file does not exist or cannot be read; the message
     *     names the path
     */
    public static ConfigSource envFile(Path file) {
        Objects.requireNonNull(file, "file");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("env file " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("env file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigurationException("env file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
        EnvFileParser.Result r = EnvFileParser.parse(lines, file.toString());
        return new ConfigSource(file.toString(), r.values(), r.problems(), r.malformedKeys());
    }

    /** {@link #envFile(Path)} if the file exists, else nothing. */
    public static Optional<ConfigSource> optionalEnvFile(Path file) {
        return Files.isRegularFile(file) ? Optional.of(envFile(file)) : Optional.empty();
    }

    /**
     * The standard layers, highest precedence first: the process environment, then either the
     * given file (which must exist) or, when {@code envFile} is {@code null}, {@code .env} in the
     * working directory if there is one. A CLI puts its flags in front of these.
     *
     * @throws ConfigurationException if {@code envFile} is given and missing or unreadable
     */
    public static List<ConfigSource> standard(Path envFile) {
        return standard(environment(), envFile, Path.of(DOTENV));
    }

    /** {@link #standard(Path)} with the environment and the fallback file given: the test seam. */
    static List<ConfigSource> standard(ConfigSource environment, Path envFile, Path fallbackDotenv) {
        List<ConfigSource> layers = new ArrayList<>();
        layers.add(environment);
        if (envFile != null) {
            layers.add(envFile(envFile));
        } else {
            optionalEnvFile(fallbackDotenv).ifPresent(layers::add);
        }
        return List.copyOf(layers);
    }

    /** Where the values come from: {@code "environment"}, a file path, or the name given. */
    public String name() {
        return name;
    }

    /** The value for {@code envName}, trimmed; empty if absent or blank. */
    public Optional<String> get(String envName) {
        String v = values.get(envName);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.strip());
    }

    /** Every name this layer holds (for spotting unknown {@code UPSTOX_*} names). */
    public Set<String> names() {
        return values.keySet();
    }

    /** Problems found while reading this layer (malformed {@code .env} lines); never a value. */
    public List<String> problems() {
        return problems;
    }

    /** Whether this layer had a malformed line for {@code envName}, so "missing" would mislead. */
    boolean isMalformed(String envName) {
        return malformedKeys.contains(envName);
    }

    /** Names the layer and its size, never its values. */
    @Override
    public String toString() {
        return "ConfigSource[" + name + ", " + values.size() + " values]";
    }
}
