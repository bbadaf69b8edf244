package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.contract.HttpPortContract;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;

/**
 * The whole contract again over a caller's client built with Apache's defaults (redirects,
 * cookies and content decoding on): the port must force them off per request.
 */
class ApacheHttpPortOverCallerClientContractTest extends HttpPortContract {
    private final List<CloseableHttpClient> clients = new ArrayList<>();

    @Override
    protected HttpPort createPort() {
        CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build();
        clients.add(client);
        return new ApacheHttpPort(client);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(c -> c.close(CloseMode.IMMEDIATE));
        clients.clear();
    }
}
