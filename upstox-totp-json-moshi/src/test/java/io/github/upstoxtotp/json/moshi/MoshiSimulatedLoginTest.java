package io.github.upstoxtotp.json.moshi;

import io.github.upstoxtotp.contract.SimulatedLoginContract;
import io.github.upstoxtotp.port.JsonPort;

class MoshiSimulatedLoginTest extends SimulatedLoginContract {
    @Override
    protected JsonPort createJson() {
        return new MoshiJsonPort();
    }
}
