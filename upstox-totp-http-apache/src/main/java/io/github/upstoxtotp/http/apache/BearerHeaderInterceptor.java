package io.github.upstoxtotp.http.apache;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Puts the exchange's token, chosen by {@link InvalidTokenRetryHandler}, on each message sent to
 * the exchange's origin, and strips any {@code Authorization} from a message redirected elsewhere.
 * Without a grant in the context (an {@link ApacheHttpPort} login) it leaves the message alone.
 */
final class BearerHeaderInterceptor implements HttpRequestInterceptor {

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
        Object grant = context.getAttribute(UpstoxBearerAuth.GRANT_ATTRIBUTE);
        if (!(grant instanceof BearerGrant)) {
            return;
        }
        if (((BearerGrant) grant).covers(request)) {
            // sensitive: kept out of HPACK tables, and HttpClient treats it as a credential
            request.setHeader(new BasicHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ((BearerGrant) grant).token().value(), true));
        } else {
            request.removeHeaders(HttpHeaders.AUTHORIZATION);
        }
    }
}
