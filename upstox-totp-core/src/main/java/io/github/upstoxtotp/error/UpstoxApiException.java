package io.github.upstoxtotp.error;


import java.util.Optional;

/**
 * Upstox answered with an error envelope (login service {@code success:false}, or API
 * {@code status:"error"}), whatever the HTTP status was.
 *
 * <p>Carries the server's code (e.g. {@code 1017106}, {@code UDAPI100068}; unknown codes are
 * kept raw), the server's message, a tip for the user where the code is known, the step, and
 * the HTTP status.
 */
public final class UpstoxApiException extends UpstoxTotpException {
    private static final long serialVersionUID = 1L;

    private final LoginStep step;
    private final String code;
    private final String serverMessage;
    private final String tip;
    private final int httpStatus;

    public UpstoxApiException(LoginStep step, int httpStatus, String code, String serverMessage, String tip) {
        super(format(step, httpStatus, code, serverMessage, tip));
        this.step = step;
        this.httpStatus = httpStatus;
        this.code = code;
        this.serverMessage = serverMessage;
        this.tip = tip;
    }

    private static String format(LoginStep step, int status, String code, String message, String tip) {
        StringBuilder sb = new StringBuilder()
                .append(step.label()).append(" (step ").append(step.number()).append('/').append(LoginStep.count())
                .append(") failed: ");
        sb.append(code == null ? "no error code" : code);
        if (message != null && !message.isBlank()) {
            sb.append(" - ").append(message);
        }
        sb.append(" [HTTP ").append(status).append(']');
        if (tip != null && !tip.isBlank()) {
            sb.append(". Tip: ").append(tip);
        }
        return sb.toString();
    }

    public LoginStep step() {
        return step;
    }

    /** The server's error code exactly as sent, or empty when it sent none. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The server's own message, or empty. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /** What the user can do about it, when the code is known. */
    public Optional<String> tip() {
        return Optional.ofNullable(tip);
    }

    public int httpStatus() {
        return httpStatus;
    }
}
