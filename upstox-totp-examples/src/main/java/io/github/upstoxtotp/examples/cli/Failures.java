package io.github.upstoxtotp.examples.cli;

import io.github.upstoxtotp.error.ConfigurationException;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.error.UpstoxApiException;
import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.port.TransportException;
import java.io.PrintWriter;
import java.util.List;

/**
 * What the CLI says about a failure and which exit code it ends with: the message and a tip on
 * stderr; exit {@link ExitCodes#CONFIG} for configuration problems (every one listed), exit
 * {@link ExitCodes#FAILURE} for everything else. Messages come from the library's exceptions,
 * which never hold a secret.
 *
 * @param exitCode the process exit code
 * @param code a short machine-readable code: the server's error code, or the failure's kind
 * @param message one line, or several for a list of configuration problems
 * @param tip what the user can do, or {@code null}
 */
record Failures(int exitCode, String code, String message, String tip) {
    static final String CHECK_ENV_TIP = "run 'upstox-totp check-env' to see every setting and what is wrong with it";

    /** Classifies a failure, looking through wrappers (single-flight futures) for the library's own exception. */
    static Failures of(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof ConfigurationException) {
            ConfigurationException e = (ConfigurationException) t;
            return new Failures(ExitCodes.CONFIG, "CONFIGURATION", problems(e.problems()), CHECK_ENV_TIP);
        }
        if (t instanceof UpstoxApiException) {
            UpstoxApiException e = (UpstoxApiException) t;
            String tip = e.tip().orElse(null);
            String message = e.getMessage();
            int cut = tip == null ? -1 : message.lastIndexOf(". Tip: ");
            return new Failures(ExitCodes.FAILURE, e.code().orElse("UPSTOX_ERROR"),
                    cut > 0 ? message.substring(0, cut) : message, tip);
        }
        if (t instanceof TransportException) {
            return new Failures(ExitCodes.FAILURE, "TRANSPORT", t.getMessage(),
                    "check the network, and UPSTOX_API_BASE_URL / UPSTOX_SERVICE_BASE_URL if they are set");
        }
        if (t instanceof ProtocolException) {
            return new Failures(ExitCodes.FAILURE, "PROTOCOL", t.getMessage(),
                    "Upstox may have changed its login flow; run again with UPSTOX_DEBUG=true and report the output"
                            + " (secrets are redacted)");
        }
        if (t instanceof java.io.UncheckedIOException) {
            return new Failures(ExitCodes.FAILURE, "IO", t.getMessage(), null);
        }
        if (t instanceof UpstoxTotpException) {
            return new Failures(ExitCodes.FAILURE, "LOGIN_FAILED", t.getMessage(), null);
        }
        return new Failures(ExitCodes.FAILURE, "INTERNAL",
                t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()),
                "this is a bug in upstox-totp; please report it");
    }

    /** Prints {@code error: ...} and {@code tip: ...} lines. */
    void print(PrintWriter err) {
        err.println("error: " + message);
        if (tip != null) {
            err.println("tip: " + tip);
        }
        err.flush();
    }

    private static String problems(List<String> problems) {
        if (problems.size() == 1) {
            return "invalid configuration: " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder("invalid configuration, ").append(problems.size()).append(" problems:");
        for (String p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int depth = 0; cur != null && depth < 10; depth++) {
            if (cur instanceof UpstoxTotpException) {
                return cur;
            }
            cur = cur.getCause();
        }
        return t;
    }
}
