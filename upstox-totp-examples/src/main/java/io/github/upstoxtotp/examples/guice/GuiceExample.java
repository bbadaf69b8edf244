package io.github.upstoxtotp.examples.guice;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.inject.UpstoxTotpModule;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.port.HttpPort;
import java.util.Objects;

/**
 * Example: Guice. The library's {@link UpstoxTotpModule} binds {@code TokenService}; an
 * application class ({@link TradingApp}) gets it through its {@code @Inject} constructor.
 *
 * <p>The transport is bound through {@link Modules#override}: it is the binding applications
 * replace most often (an OkHttp client with their proxy and timeouts, the Apache adapter, or the
 * in-memory simulator in tests), and overriding one binding keeps every other one of the
 * library's. The tests of this example pass the simulator and the sandbox this way.
 *
 * <p>Run it against the sandbox as {@code BuilderExample} says, naming
 * {@code io.github.upstoxtotp.examples.guice.GuiceExample}; it prints the same line.
 */
public final class GuiceExample {
    private GuiceExample() {
    }

    public static void main(String[] args) {
        Injector injector = createInjector(UpstoxTotpConfig.fromEnv(), new OkHttpPort());
        try {
            TradingApp app = injector.getInstance(TradingApp.class);
            System.out.println(app.status());
        } finally {
            shutdown(injector);
        }
    }

    /**
     * The application's injector: the library's bindings for {@code config} with Jackson as the
     * codec, and {@code transport} replacing the library's own {@link HttpPort} binding.
     */
    public static Injector createInjector(UpstoxTotpConfig config, HttpPort transport) {
        Objects.requireNonNull(transport, "transport");
        // null: the module would look the transport up on the classpath; the override wins anyway.
        Module library = new UpstoxTotpModule(config, null, new JacksonJsonPort());
        Module ourTransport = binder -> binder.bind(HttpPort.class).toInstance(transport);
        return Guice.createInjector(Modules.override(library).with(ourTransport));
    }

    /**
     * What an application does at shutdown: Guice has no lifecycle of its own, and the client does
     * not close a transport it was handed, so both are closed here.
     */
    public static void shutdown(Injector injector) {
        try {
            injector.getInstance(UpstoxTotp.class).close();
        } finally {
            injector.getInstance(HttpPort.class).close();
        }
    }
}
