package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Answers each request with the next scripted response (or throws a scripted exception) and records what was sent. */
final class ScriptedTransport implements StepTransport {

    record Sent(LoginStep step, HttpRequest request) {
    }

    private final Deque<Object> script = new ArrayDeque<>();
    final List<Sent> sent = new ArrayList<>();

    ScriptedTransport then(HttpResponse... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    ScriptedTransport then(List<HttpResponse> responses) {
        script.addAll(responses);
        return this;
    }

    ScriptedTransport thenThrow(RuntimeException e) {
        script.add(e);
        return this;
    }

    @Override
    public HttpResponse send(LoginStep step, Supplier<HttpRequest> request) {
        HttpRequest r = request.get();
        sent.add(new Sent(step, r));
        Object next = script.poll();
        if (next == null) {
            fail("unexpected request #" + sent.size() + " for " + step + ": " + r);
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (HttpResponse) next;
    }

    List<LoginStep> steps() {
        return sent.stream().map(Sent::step).toList();
    }

    HttpRequest request(int index) {
        return sent.get(index).request();
    }

    HttpRequest last() {
        return sent.get(sent.size() - 1).request();
    }

    int remaining() {
        return script.size();
    }
}
