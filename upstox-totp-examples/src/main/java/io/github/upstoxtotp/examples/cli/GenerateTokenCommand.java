package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.UpstoxTotp;
import io.github.upstoxtotp.config.ConfigSource;
import io.github.upstoxtotp.config.Setting;
import io.github.upstoxtotp.config.UpstoxTotpConfig;
import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.token.TokenStore;
import io.github.upstoxtotp.token.FileTokenStore;
import io.github.upstoxtotp.token.InMemoryTokenStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate-token}: logs in (or reuses a stored, still-valid token) and prints the token.
 *
 * <p>stdout gets the result only: the token's fields, the bare token ({@code --quiet}) or the
 * JSON envelope ({@code --json}). stderr gets the progress of each step with its time, the total
 * time, and errors with a tip; with {@code --quiet}, errors only.
 */
@Command(name = "generate-token",
        mixinStandardHelpOptions = true,
        versionProvider = UpstoxTotpCli.Version.class,
        description = {"Log in and print the access token; a stored token that is still valid is reused (see --force).",
                "Progress goes to stderr, the result to stdout."})
final class GenerateTokenCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Read settings from FILE instead of ./.env (the environment still wins).")
    private String envFile;

    @Option(names = "--sandbox",
            description = "Start the simulated Upstox login service on free loopback ports and log in to it with its"
                    + " demo account. Needs no account and no settings.")
    private boolean sandbox;

    @Option(names = "--http", paramLabel = "NAME", defaultValue = "okhttp",
            converter = Adapters.TransportConverter.class, completionCandidates = Adapters.TransportNames.class,
            description = "HTTP transport: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Adapters.Transport http;

    @Option(names = "--codec", paramLabel = "NAME", defaultValue = "jackson",
            converter = Adapters.CodecConverter.class, completionCandidates = Adapters.CodecNames.class,
            description = "JSON codec: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Adapters.Codec codec;

    @Option(names = "--force", description = "Log in even if a stored token is still valid.")
    private boolean force;

    @Option(names = "--debug", description = "Log each login step on stderr, secrets redacted (same as UPSTOX_DEBUG=true).")
    private boolean debug;

    @ArgGroup(exclusive = true)
    private OutputMode output = new OutputMode();

    /** {@code --quiet} and {@code --json} exclude each other. */
    static final class OutputMode {
        @Option(names = {"-q", "--quiet"}, description = "Print the bare access token alone on stdout; nothing on"
                + " stderr but errors.")
        boolean quiet;

        @Option(names = "--json", description = "Print {\"success\":...,\"data\":{token endpoint fields},\"error\":...}"
                + " on stdout.")
        boolean json;
    }

    GenerateTokenCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter err = ctx.err();
        boolean quiet = output != null && output.quiet;
        boolean jsonOut = output != null && output.json;
        JsonPort json = codec.create();
        SandboxServer server = null;
        HttpPort port = null;
        Progress progress = null;
        try {
            Map<String, String> flags = new LinkedHashMap<>();
            if (debug) {
                flags.put(Setting.DEBUG.envName(), "true");
            }
            List<ConfigSource> layers = CliSettings.layers(ctx, "flags", flags, envFile);
            boolean debugLogging = debug || CliSettings.first(layers, Setting.DEBUG)
                    .map(v -> List.of("true", "1", "yes", "on").contains(v.toLowerCase(Locale.ROOT))).orElse(false);
            if (debugLogging) {
                Logging.enableDebug();
            }
            if (sandbox) {
                server = Sandbox.start(json, 0);
                List<ConfigSource> withSandbox = new ArrayList<>();
                withSandbox.add(ConfigSource.of("--sandbox", Sandbox.settings(server)));
                withSandbox.addAll(layers);
                layers = withSandbox;
                if (!quiet) {
                    err.println("sandbox: simulated Upstox on " + server.apiBaseUrl() + " (API) and "
                            + server.serviceBaseUrl() + " (login service), demo account");
                }
            }
            UpstoxTotpConfig config = UpstoxTotpConfig.from(layers);
            TokenStore store = tokenStore(config, json);
            port = http.create();
            progress = new Progress(err, quiet, debugLogging);
            long started = System.nanoTime();
            try (UpstoxTotp client = UpstoxTotp.builder()
                    .config(config)
                    .http(port)
                    .json(json)
                    .clock(ctx.clock())
                    .tokenStore(store)
                    .loginListener(progress)
                    .build()) {
                AccessToken token = force ? client.tokenService().refresh() : client.tokenService().accessToken();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                boolean reused = !progress.anyStep();
                if (!quiet) {
                    if (reused) {
                        err.println("reusing the stored token (valid until " + TokenOutput.validUntil(token)
                                + "); --force logs in again");
                    } else {
                        err.println("logged in in " + took.toMillis() + " ms (" + http + ", " + codec + ")");
                    }
                    err.flush();
                }
                JsonObject data = TokenOutput.data(token, reused ? Optional.empty() : client.lastTokenData());
                if (quiet) {
                    ctx.out().println(token.value());
                    ctx.out().flush();
                } else if (jsonOut) {
                    TokenOutput.jsonSuccess(ctx.out(), json, data);
                } else {
                    TokenOutput.human(ctx.out(), token, data);
                }
                return ExitCodes.OK;
            }
        } catch (RuntimeException e) {
            if (progress != null) {
                progress.closeLine();
            }
            Failures failure = Failures.of(e);
            failure.print(err);
            if (jsonOut) {
                TokenOutput.jsonFailure(ctx.out(), json, failure);
            }
            return failure.exitCode();
        } finally {
            if (port != null) {
                port.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * {@code UPSTOX_TOKEN_STORE}: {@code none} keeps nothing between runs; a path is a token file;
     * unset means {@code ~/.upstox-totp/tokens.json}, or nothing kept with {@code --sandbox}.
     */
    private TokenStore tokenStore(UpstoxTotpConfig config, JsonPort json) {
        Optional<String> setting = config.tokenStore();
        if (setting.isPresent()) {
            if (CliSettings.isNoStore(setting.get())) {
                return new InMemoryTokenStore();
            }
            return new FileTokenStore(ctx.resolve(setting.get()), json);
        }
        if (sandbox) {
            return new InMemoryTokenStore();
        }
        Path file = CliSettings.defaultTokenFile(ctx);
        return new FileTokenStore(file, json);
    }
}
