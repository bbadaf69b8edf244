package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.examples.sandbox.Sandbox;
import io.github.upstoxtotp.examples.sandbox.SandboxServer;
import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.testing.SimulatedAccount;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox}: serves the simulated Upstox login service on loopback until stopped (Ctrl-C),
 * after printing its URLs, the demo credentials and the {@code export} lines that point a client
 * (this CLI, or an application using the library) at it.
 */
@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        versionProvider = UpstoxTotpCli.Version.class,
        description = {"Serve the simulated Upstox login service on 127.0.0.1 until stopped (Ctrl-C), and print the"
                + " UPSTOX_* settings and demo credentials that point a client at it."})
final class SandboxCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Serve the API on port N and the login service on N+1 (default: two free ports).")
    private int port;

    SandboxCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65534) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port must be from 0 to 65534 (the login service uses N+1), was " + port);
        }
        SimulatedAccount demo = SimulatedAccount.DEMO;
        SandboxServer started;
        try {
            started = Sandbox.start(new JacksonJsonPort(), port, demo);
        } catch (UncheckedIOException e) {
            ctx.err().println("error: " + e.getMessage());
            ctx.err().println("tip: another program may be using port " + port + " or " + (port + 1)
                    + "; choose another --port, or leave it out for two free ports");
            ctx.err().flush();
            return ExitCodes.FAILURE;
        }
        try (SandboxServer server = started) {
            PrintWriter out = ctx.out();
            out.println("Upstox sandbox: the simulated login service, on loopback only.");
            out.println("  API:           " + server.apiBaseUrl());
            out.println("  login service: " + server.serviceBaseUrl());
            out.println();
            out.println("Demo account: mobile " + demo.mobileNumber() + ", PIN " + demo.pin() + ", TOTP secret "
                    + demo.totpSecret() + ", user " + demo.userId() + " (" + demo.userName() + ")");
            out.println();
            out.println("Point a client at it (these are demo credentials):");
            for (Map.Entry<String, String> e : Sandbox.settings(server, demo).entrySet()) {
                out.println("export " + e.getKey() + "=" + e.getValue());
            }
            out.println("export UPSTOX_TOKEN_STORE=" + CliSettings.NO_STORE);
            out.println();
            out.println("then, in that shell: ./upstox-totp generate-token");
            out.println("Serving until stopped (Ctrl-C).");
            out.flush();
            ctx.stopSignal().await();
            ctx.err().println("sandbox: stopped");
            ctx.err().flush();
        } finally {
            ctx.stopSignal().stopped();
        }
        return ExitCodes.OK;
    }
}
