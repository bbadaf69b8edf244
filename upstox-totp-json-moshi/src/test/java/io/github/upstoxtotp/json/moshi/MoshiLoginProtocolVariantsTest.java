package io.github.upstoxtotp.json.moshi;

import io.github.upstoxtotp.contract.LoginProtocolVariantsContract;
import io.github.upstoxtotp.port.JsonPort;

class MoshiLoginProtocolVariantsTest extends LoginProtocolVariantsContract {
    @Override
    protected JsonPort createJson() {
        return new MoshiJsonPort();
    }
}
