package io.github.upstoxtotp.examples.reliability;

import io.github.upstoxtotp.http.apache.ApacheHttpPort;
import io.github.upstoxtotp.port.HttpPort;

/** The fault suite over Apache HttpClient 5. */
class ApacheLoginFaultTest extends LoginFaultSuite {
    @Override
    protected HttpPort newPort() {
        return new ApacheHttpPort();
    }
}
