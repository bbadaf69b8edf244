package io.github.upstoxtotp.json.jackson;

import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.contract.JsonPortFuzzContract;

class JacksonJsonPortFuzzTest extends JsonPortFuzzContract {
    @Override
    protected JsonPort createPort() {
        return new JacksonJsonPort();
    }
}
