package io.github.upstoxtotp.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code upstox-totp} command line: {@code generate-token}, {@code check-env}, {@code totp}
 * and {@code sandbox} (DESIGN.md, "The CLI").
 *
 * <p>Results go to stdout, progress and errors to stderr. Exit codes: 0 success, 1 login or API
 * failure, 2 configuration or usage error. Settings come from flags, then the environment, then
 * {@code .env} (or {@code --env-file}).
 *
 * <p>{@link #run(CliContext, String...)} runs it in-process against an injected environment,
 * working directory, home directory, streams and clock: how the tests drive it.
 */
@Command(name = "upstox-totp",
        mixinStandardHelpOptions = true,
        versionProvider = UpstoxTotpCli.Version.class,
        description = "Headless Upstox login (mobile + TOTP + PIN + OAuth code exchange): prints the day's access token.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit codes: 0 success, 1 login or API failure, 2 configuration or usage error.",
                "Settings: flags, then the environment, then .env (or --env-file). See 'check-env'."})
public final class UpstoxTotpCli implements Callable<Integer> {
    static {
        Logging.configureDefaults();
    }

    @Spec
    private CommandSpec spec;

    private final CliContext ctx;

    private UpstoxTotpCli(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Runs the CLI in this process and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /**
     * Runs one command line against {@code ctx} and returns the exit code; never calls
     * {@link System#exit}.
     */
    public static int run(CliContext ctx, String... args) {
        try {
            return commandLine(ctx).execute(args);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** The picocli command tree bound to {@code ctx}. */
    public static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new UpstoxTotpCli(ctx));
        cl.addSubcommand(new GenerateTokenCommand(ctx));
        cl.addSubcommand(new CheckEnvCommand(ctx));
        cl.addSubcommand(new TotpCommand(ctx));
        cl.addSubcommand(new SandboxCommand(ctx));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Failures f = Failures.of(e);
            f.print(commandLine.getErr());
            return f.exitCode();
        });
        return cl;
    }

    /** No command given: the usage on stderr, and a usage error. */
    @Override
    public Integer call() {
        ctx.err().println("error: a command is required");
        spec.commandLine().usage(ctx.err());
        return ExitCodes.CONFIG;
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = UpstoxTotpCli.class.getPackage().getImplementationVersion();
            return new String[] {"upstox-totp " + (v == null ? "(development build)" : v)};
        }
    }
}
