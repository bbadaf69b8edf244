package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.model.AccessToken;
import java.util.Locale;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * The token one exchange sends, and the only origin (scheme, host, port) it may be sent to: the
 * exchange's first target, so a redirect elsewhere never carries it.
 */
record BearerGrant(AccessToken token, String origin) {

    static BearerGrant of(AccessToken token, HttpHost target) {
        return new BearerGrant(token, origin(target.getSchemeName(), target.getHostName(), target.getPort()));
    }

    /** True if {@code request} goes to this grant's origin. */
    boolean covers(HttpRequest request) {
        URIAuthority authority = request.getAuthority();
        String scheme = request.getScheme();
        return authority != null && scheme != null
                && origin.equals(origin(scheme, authority.getHostName(), authority.getPort()));
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int effectivePort = port >= 0 ? port : s.equals("https") ? 443 : 80;
        return s + "://" + host.toLowerCase(Locale.ROOT) + ":" + effectivePort;
    }

    @Override
    public String toString() {
        return "BearerGrant[" + origin + ", token=<redacted>]";
    }
}
