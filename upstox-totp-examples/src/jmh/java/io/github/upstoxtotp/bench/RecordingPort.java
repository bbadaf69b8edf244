package io.github.upstoxtotp.bench;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Passes every exchange to another port and keeps the requests and responses (setup only, never measured). */
final class RecordingPort implements HttpPort {
    final HttpPort delegate;
    final List<HttpRequest> requests = new ArrayList<>();
    final List<HttpResponse> responses = new ArrayList<>();

    RecordingPort(HttpPort delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized HttpResponse execute(HttpRequest request) {
        HttpResponse response = delegate.execute(request);
        requests.add(request);
        responses.add(response);
        return response;
    }

    @Override
    public String name() {
        return "recording(" + delegate.name() + ")";
    }
}
