package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.HttpResponse;

import java.util.Objects;

/**
 * A handler's answer: the response, plus the error code its envelope carries (null for a
 * success) so that the request log can say what happened without parsing the body again.
 */
record SimReply(HttpResponse response, String errorCode) {
    SimReply {
        Objects.requireNonNull(response, "response");
    }
}
