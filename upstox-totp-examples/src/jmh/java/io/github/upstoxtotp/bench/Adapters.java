package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.http.apache.ApacheHttpPort;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.json.moshi.MoshiJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonPort;

/** The adapters by the names the benchmarks' {@code @Param}s use. */
final class Adapters {
    private Adapters() {
    }

    static HttpPort http(String name) {
        switch (name) {
            case "apache": return new ApacheHttpPort();
            case "okhttp": return new OkHttpPort();
            default: throw new IllegalArgumentException("unknown transport " + name);
        }
    }

    /**
     * Makes the JDK's HTTP server (the sandbox) set TCP_NODELAY on its connections, as the
     * launcher does with {@code -Dsun.net.httpserver.nodelay=true}. Must run before the first
     * server starts in this JVM (the JDK reads the property once).
     */
    static void sandboxWithNoDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static JsonPort json(String name) {
        switch (name) {
            case "jackson": return new JacksonJsonPort();
            case "moshi": return new MoshiJsonPort();
            default: throw new IllegalArgumentException("unknown codec " + name);
        }
    }
}
