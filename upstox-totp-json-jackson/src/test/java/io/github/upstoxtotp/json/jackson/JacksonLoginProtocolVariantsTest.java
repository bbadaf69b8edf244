package io.github.upstoxtotp.json.jackson;

import io.github.upstoxtotp.contract.LoginProtocolVariantsContract;
import io.github.upstoxtotp.port.JsonPort;

class JacksonLoginProtocolVariantsTest extends LoginProtocolVariantsContract {
    @Override
    protected JsonPort createJson() {
        return new JacksonJsonPort();
    }
}
