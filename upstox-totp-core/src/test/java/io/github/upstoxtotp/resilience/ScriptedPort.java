package io.github.upstoxtotp.resilience;

import io.github.upstoxtotp.port.HttpHeaders;
import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.TransportException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/** An HttpPort that plays a script of responses and transport failures, and records when each request came. */
final class ScriptedPort implements HttpPort {
    private final Deque<Object> script = new ArrayDeque<>();
    private final LongSupplier nanoTime;
    final List<HttpRequest> requests = new ArrayList<>();
    final List<Long> sentAtNanos = new ArrayList<>();

    ScriptedPort(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    ScriptedPort then(Object responseOrFailure) {
        script.add(responseOrFailure);
        return this;
    }

    ScriptedPort then(Object responseOrFailure, int times) {
        for (int i = 0; i < times; i++) {
            script.add(responseOrFailure);
        }
        return this;
    }

    static HttpResponse status(int status) {
        return HttpResponse.of(status, HttpHeaders.empty(), "");
    }

    static HttpResponse json(int status, String body, String... headers) {
        return HttpResponse.of(status, HttpHeaders.of(headers), body);
    }

    static TransportException failure(TransportException.Kind kind) {
        return new TransportException(kind, "scripted " + kind);
    }

    int calls() {
        return requests.size();
    }

    @Override
    public synchronized HttpResponse execute(HttpRequest request) {
        requests.add(request);
        sentAtNanos.add(nanoTime.getAsLong());
        Object next = script.isEmpty() ? status(200) : script.poll();
        if (next instanceof TransportException) {
            throw (TransportException) next;
        }
        return (HttpResponse) next;
    }
}
