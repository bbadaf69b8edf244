package io.github.upstoxtotp.examples.reliability;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real transport and changes one thing: every request's timeout (the core always asks
 * for 30 s, too long for a test of read timeouts). It also counts attempts, including those that
 * never reached a server, which WireMock cannot see. Everything else goes to the real port as is.
 */
final class TimeoutAndCount implements HttpPort {
    private final HttpPort real;
    private final Duration timeout;
    private final AtomicInteger attempts = new AtomicInteger();

    TimeoutAndCount(HttpPort real, Duration timeout) {
        this.real = real;
        this.timeout = timeout;
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        attempts.incrementAndGet();
        return real.execute(request.toBuilder().timeout(timeout).build());
    }

    int attempts() {
        return attempts.get();
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public void close() {
        real.close();
    }
}
