package io.github.upstoxtotp.json.jackson;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.upstoxtotp.port.JsonPort;
import io.github.upstoxtotp.port.contract.JsonPortContract;

/** The whole contract holds on a caller's factory with every leniency Jackson offers turned on. */
class JacksonJsonPortLenientFactoryContractTest extends JsonPortContract {
    @Override
    protected JsonPort createPort() {
        JsonFactoryBuilder lenient = new JsonFactoryBuilder();
        for (JsonReadFeature feature : JsonReadFeature.values()) {
            lenient.enable(feature);
        }
        lenient.enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(JsonWriteFeature.QUOTE_FIELD_NAMES)
                .enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS);
        return new JacksonJsonPort(lenient.build());
    }
}
