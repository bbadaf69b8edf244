package io.github.upstoxtotp.json.jackson;

import io.github.upstoxtotp.contract.SimulatedLoginContract;
import io.github.upstoxtotp.port.JsonPort;

class JacksonSimulatedLoginTest extends SimulatedLoginContract {
    @Override
    protected JsonPort createJson() {
        return new JacksonJsonPort();
    }
}
