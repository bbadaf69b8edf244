package io.github.upstoxtotp.port;

import io.github.upstoxtotp.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Chooses the {@link HttpPort} and {@link JsonPort} adapters, in this order:
 * <ol>
 *   <li>the port the caller passed explicitly, if any;</li>
 *   <li>else the provider named by the system property {@value HttpPortProvider#SYSTEM_PROPERTY}
 *       (HTTP) or {@value JsonPortProvider#SYSTEM_PROPERTY} (JSON), matched against
 *       {@code name()} ignoring case; a name no provider has is an error listing the ones there are;</li>
 *   <li>else the one provider found through {@link ServiceLoader}.</li>
 * </ol>
 * Two or more providers and no choice is a {@link ConfigurationException} naming them and saying
 * how to choose; none is a {@link ConfigurationException} naming the artifacts to add.
 *
 * <p>Providers are looked up with the thread's context class loader, or this class's loader
 * when there is none. A port created here belongs to the caller, who closes it; an explicit
 * port is returned as it is. Thread-safe; nothing is cached.
 */
public final class PortProviders {

    static final List<String> HTTP_ARTIFACTS = List.of(
            "io.github.upstoxtotp:upstox-totp-http-okhttp",
            "io.github.upstoxtotp:upstox-totp-http-apache");
    static final List<String> JSON_ARTIFACTS = List.of(
            "io.github.upstoxtotp:upstox-totp-json-jackson",
            "io.github.upstoxtotp:upstox-totp-json-moshi");

    private static final Family<HttpPortProvider> HTTP = new Family<>(
            "HTTP", "HttpPort", HttpPortProvider.class, HttpPortProvider.SYSTEM_PROPERTY, HTTP_ARTIFACTS,
            HttpPortProvider::name, HttpPortProvider::artifact);
    private static final Family<JsonPortProvider> JSON = new Family<>(
            "JSON", "JsonPort", JsonPortProvider.class, JsonPortProvider.SYSTEM_PROPERTY, JSON_ARTIFACTS,
            JsonPortProvider::name, JsonPortProvider::artifact);

    private PortProviders() {
    }

    /**
     * The explicit port when given, else a new port from the chosen or only HTTP provider.
     *
     * @param explicit the caller's own port, or {@code null} to look one up
     * @throws ConfigurationException if no provider, several without a choice, or an unknown one was chosen
     */
    public static HttpPort resolveHttp(HttpPort explicit) {
        if (explicit != null) {
            return explicit;
        }
        return resolveHttp(null, System.getProperty(HttpPortProvider.SYSTEM_PROPERTY), defaultLoader());
    }

    /**
     * The explicit codec when given, else a new codec from the chosen or only JSON provider.
     *
     * @param explicit the caller's own codec, or {@code null} to look one up
     * @throws ConfigurationException if no provider, several without a choice, or an unknown one was chosen
     */
    public static JsonPort resolveJson(JsonPort explicit) {
        if (explicit != null) {
            return explicit;
        }
        return resolveJson(null, System.getProperty(JsonPortProvider.SYSTEM_PROPERTY), defaultLoader());
    }

    static HttpPort resolveHttp(HttpPort explicit, String chosen, ClassLoader loader) {
        return explicit != null ? explicit : resolveHttp(null, chosen, HTTP.load(loader));
    }

    static JsonPort resolveJson(JsonPort explicit, String chosen, ClassLoader loader) {
        return explicit != null ? explicit : resolveJson(null, chosen, JSON.load(loader));
    }

    static HttpPort resolveHttp(HttpPort explicit, String chosen, List<? extends HttpPortProvider> available) {
        return explicit != null ? explicit : HTTP.select(chosen, available).create();
    }

    static JsonPort resolveJson(JsonPort explicit, String chosen, List<? extends JsonPortProvider> available) {
        return explicit != null ? explicit : JSON.select(chosen, available).create();
    }

    private static ClassLoader defaultLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PortProviders.class.getClassLoader();
    }

    /** What differs between the HTTP and the JSON lookup. */
    private record Family<P>(
            String label,
            String portType,
            Class<P> service,
            String property,
            List<String> artifacts,
            Function<P, String> name,
            Function<P, String> artifact) {

        List<P> load(ClassLoader loader) {
            List<P> found = new ArrayList<>();
            try {
                for (P provider : ServiceLoader.load(service, loader)) {
                    found.add(provider);
                }
            } catch (ServiceConfigurationError e) {
                throw new ConfigurationException("a " + label + " adapter on the classpath could not be loaded ("
                        + e.getMessage() + "); check META-INF/services/" + service.getName());
            }
            return found;
        }

        P select(String chosen, List<? extends P> available) {
            if (chosen != null && !chosen.isBlank()) {
                return selectByName(chosen.trim(), available);
            }
            if (available.size() == 1) {
                return available.get(0);
            }
            if (available.isEmpty()) {
                throw new ConfigurationException(noneFound());
            }
            throw new ConfigurationException("several " + label + " adapters are on the classpath: " + describe(available)
                    + "; choose one with -D" + property + "=<name>, keep only one adapter artifact, or pass a "
                    + portType + " explicitly");
        }

        private P selectByName(String chosen, List<? extends P> available) {
            List<P> matches = new ArrayList<>();
            for (P provider : available) {
                if (chosen.equalsIgnoreCase(String.valueOf(name.apply(provider)))) {
                    matches.add(provider);
                }
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new ConfigurationException("system property " + property + " names the " + label + " adapter '" + chosen
                        + "', but " + matches.size() + " providers have that name: " + classesOf(matches)
                        + "; keep only one of their artifacts on the classpath");
            }
            if (available.isEmpty()) {
                throw new ConfigurationException("system property " + property + " names the " + label + " adapter '"
                        + chosen + "', but none is on the classpath; " + addOneOf());
            }
            throw new ConfigurationException("system property " + property + " names the " + label + " adapter '" + chosen
                    + "', which is not on the classpath; available: " + describe(available));
        }

        private String noneFound() {
            return "no " + label + " adapter on the classpath; " + addOneOf() + ", or pass a " + portType + " explicitly";
        }

        private String addOneOf() {
            return "add one of the artifacts " + String.join(" or ", artifacts);
        }

        private String describe(List<? extends P> providers) {
            List<String> out = new ArrayList<>();
            for (P p : providers) {
                out.add(name.apply(p) + " (" + artifact.apply(p) + ")");
            }
            return String.join(", ", out);
        }

        private String classesOf(List<? extends P> providers) {
            List<String> out = new ArrayList<>();
            for (P p : providers) {
                out.add(p.getClass().getName());
            }
            return String.join(", ", out);
        }
    }
}
