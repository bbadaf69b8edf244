package io.github.upstoxtotp.examples.reliability;

import io.github.upstoxtotp.http.okhttp.OkHttpPort;
import io.github.upstoxtotp.port.HttpPort;

/** The fault suite over OkHttp. */
class OkHttpLoginFaultTest extends LoginFaultSuite {
    @Override
    protected HttpPort newPort() {
        return new OkHttpPort();
    }
}
