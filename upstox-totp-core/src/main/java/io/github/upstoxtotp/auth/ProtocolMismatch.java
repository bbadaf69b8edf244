package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.config.Setting;
import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.port.HttpResponse;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Errors for an answer that fits another known {@link LoginProtocol} better than the chosen
 * one: they say what did not match and which {@code UPSTOX_LOGIN_PROTOCOL} to set instead.
 * The service changed shape before without notice, so a user who sees "field missing" should
 * be told the likely fix, not left to read the wire.
 */
final class ProtocolMismatch {
    private ProtocolMismatch() {
    }

    /** {@code "; this looks like the v2026 login protocol: set UPSTOX_LOGIN_PROTOCOL=v2026"}. */
    static String suggestion(LoginProtocol other) {
        return "; this looks like the " + other.name() + " login protocol: set "
                + Setting.LOGIN_PROTOCOL.envName() + "=" + other.name();
    }

    /** A known protocol other than {@code current} that has the trait, if any. */
    static Optional<LoginProtocol> other(LoginProtocol current, Predicate<LoginProtocol> trait) {
        return LoginProtocol.known().stream().filter(p -> !p.equals(current) && trait.test(p)).findFirst();
    }

    /**
     * A field the chosen protocol needs is missing, but {@code found} (a field another protocol
     * uses) is there.
     */
    static ProtocolException missingButFound(LoginStep step, String field, String found, LoginProtocol current,
                                             Predicate<LoginProtocol> answersWithFound) {
        String hint = other(current, answersWithFound).map(ProtocolMismatch::suggestion).orElse("");
        return new ProtocolException(step, field, field + " missing (the answer has " + found + " instead, which the "
                + current.name() + " login protocol does not use)" + hint);
    }

    /**
     * Throws when {@code response} is a 404 for a step whose path differs between known
     * protocols: the endpoint the chosen protocol names is not there, and another protocol's
     * probably is. Checked before the error envelope, because a 404 envelope ("request not
     * supported") would otherwise hide the likely cause.
     */
    static void checkEndpointExists(LoginStep step, LoginProtocol current, HttpResponse response) {
        if (response.status() != 404) {
            return;
        }
        String path = current.path(step);
        Optional<LoginProtocol> other = other(current, p -> !p.path(step).equals(path));
        if (other.isPresent()) {
            throw new ProtocolException(step, null, "HTTP 404 for " + path + " (an endpoint of the " + current.name()
                    + " login protocol): the login service does not have it" + suggestion(other.get()));
        }
    }
}
