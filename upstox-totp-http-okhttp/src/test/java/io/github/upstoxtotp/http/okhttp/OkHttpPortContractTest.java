package io.github.upstoxtotp.http.okhttp;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.contract.HttpPortContract;

class OkHttpPortContractTest extends HttpPortContract {
    @Override
    protected HttpPort createPort() {
        return new OkHttpPort();
    }

    @Override
    protected boolean supportsBodyOnGet() {
        return false; // OkHttp refuses a body on GET; OkHttpPortTest checks it fails before sending
    }
}
