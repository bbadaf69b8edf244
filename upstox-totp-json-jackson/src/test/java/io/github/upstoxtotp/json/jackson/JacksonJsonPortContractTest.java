package io.github.upstoxtotp.json.jackson;

import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.contract.JsonPortContract;

class JacksonJsonPortContractTest extends JsonPortContract {
    @Override
    protected JsonPort createPort() {
        return new JacksonJsonPort();
    }
}
