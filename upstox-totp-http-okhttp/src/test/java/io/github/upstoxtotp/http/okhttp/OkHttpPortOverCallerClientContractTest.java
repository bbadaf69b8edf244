package io.github.upstoxtotp.http.okhttp;

import io.github.upstoxtotp.port.HttpPort;
import io.github.upstoxtotp.port.contract.HttpPortContract;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole contract again over a caller's client that follows redirects, retries and keeps
 * cookies: the port must force all of that off.
 */
class OkHttpPortOverCallerClientContractTest extends HttpPortContract {
    private final OkHttpClient callers = new OkHttpClient.Builder()
            .followRedirects(true)
            .followSslRedirects(true)
            .retryOnConnectionFailure(true)
            .cookieJar(new RememberingJar())
            .build();

    @Override
    protected HttpPort createPort() {
        return new OkHttpPort(callers);
    }

    @Override
    protected boolean supportsBodyOnGet() {
        return false;
    }

    @AfterAll
    void shutDownCallersClient() {
        callers.dispatcher().executorService().shutdown();
        callers.connectionPool().evictAll();
    }

    private static final class RememberingJar implements CookieJar {
        private final List<Cookie> cookies = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            cookies.addAll(received);
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return new ArrayList<>(cookies);
        }
    }
}
