package io.github.upstoxtotp.error;


import java.util.Optional;

/**
 * A response did not have the shape the protocol promises: a missing or mistyped field, no
 * {@code user_id} after the redirect chain, no {@code code} in the authorize answer, HTML
 * where JSON was expected. The message names the step and, where there is one, the field.
 */
public final class ProtocolException extends UpstoxTotpException {
    private static final long serialVersionUID = 1L;

    private final LoginStep step;
    private final String field;

    public ProtocolException(LoginStep step, String field, String message) {
        this(step, field, message, null);
    }

    public ProtocolException(LoginStep step, String field, String message, Throwable cause) {
        super(step.label() + " (step " + step.number() + "/" + LoginStep.count() + "): " + message, cause);
        this.step = step;
        this.field = field;
    }

    /** The step whose response was malformed. */
    public LoginStep step() {
        return step;
    }

    /** The JSON field (dotted path) or header at fault, if one can be named. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
