package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.contract.HttpPortContract;

class ApacheHttpPortContractTest extends HttpPortContract {
    @Override
    protected HttpPort createPort() {
        return new ApacheHttpPort();
    }
}
