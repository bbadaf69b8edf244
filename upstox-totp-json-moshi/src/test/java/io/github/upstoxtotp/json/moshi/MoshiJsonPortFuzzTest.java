package io.github.upstoxtotp.json.moshi;

import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.contract.JsonPortFuzzContract;

class MoshiJsonPortFuzzTest extends JsonPortFuzzContract {
    @Override
    protected JsonPort createPort() {
        return new MoshiJsonPort();
    }
}
