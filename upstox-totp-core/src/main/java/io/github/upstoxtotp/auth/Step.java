package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonValue;

/**
 * One transition of the login: build the request from the state, and bind the (already
 * error-checked) answer into the next state.
 *
 * @param <S> the state it starts from
 * @param <N> the state it leads to
 */
interface Step<S extends LoginState, N extends LoginState> {

    LoginStep id();

    /** The request to send from {@code state}, without cookies (the machine adds those). */
    HttpRequest request(S state, StepContext context);

    /**
     * The next state, from a response that carried no error envelope.
     *
     * @throws io.github.upstoxtotp.error.ProtocolException if a field the flow needs is missing or mistyped
     */
    N next(S state, HttpResponse response, JsonValue body);

    /**
     * The next state, bound by the rules of the session's protocol: what the machine calls.
     * Steps whose answer differs between {@link LoginProtocol}s override it; the three-argument
     * form then binds the {@link LoginProtocol#SEED} shape.
     *
     * @throws io.github.upstoxtotp.error.ProtocolException if a field the flow needs is missing or mistyped
     */
    default N next(S state, StepContext context, HttpResponse response, JsonValue body) {
        return next(state, response, body);
    }

    /** Whether the request belongs to the login session (cookies sent). */
    default boolean usesSession() {
        return true;
    }
}
