package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The login session's cookies, kept in a JDK {@link CookieManager} (domain, path, expiry and
 * {@code Secure} rules are the JDK's). Transports keep no cookies, so this is the only jar.
 *
 * <p>The {@code Cookie} header is written here as plain {@code name=value} pairs rather than
 * taken from {@link CookieManager#get}, which formats any cookie set with {@code Max-Age} in
 * the obsolete RFC 2965 style ({@code $Version="1"; name="value";$Path="/"}) that servers
 * do not read as the same cookie. Not thread-safe on its own; the machine's lock guards it.
 */
final class SessionCookies {
    private static final String SET_COOKIE = "Set-Cookie";

    private CookieManager manager = newManager();

    private static CookieManager newManager() {
        return new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    }

    /** Stores every {@code Set-Cookie} of a response to a request for {@code uri}. */
    void store(URI uri, HttpResponse response) {
        List<String> setCookies = response.headers().all(SET_COOKIE);
        if (setCookies.isEmpty()) {
            return;
        }
        try {
            manager.put(uri, Map.of(SET_COOKIE, setCookies));
        } catch (IOException | IllegalArgumentException e) {
            // a malformed cookie is the server's problem; the step's own answer decides the outcome
        }
    }

    /** {@code request} with a {@code Cookie} header holding the cookies that apply to its URI (none: unchanged). */
    HttpRequest addTo(HttpRequest request) {
        String header = header(request.uri());
        return header.isEmpty() ? request : request.toBuilder().setHeader("Cookie", header).build();
    }

    /** The {@code Cookie} header value for {@code uri}, empty when no cookie applies. */
    String header(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        List<String> pairs = new ArrayList<>();
        // the store filters by domain, expiry and Secure; the path rule is RFC 6265 5.1.4
        for (HttpCookie c : manager.getCookieStore().get(uri)) {
            if (pathMatches(path, c.getPath())) {
                pairs.add(c.getName() + "=" + c.getValue());
            }
        }
        return String.join("; ", pairs);
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        if (cookiePath == null || cookiePath.isEmpty() || cookiePath.equals("/") || requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    /** Forgets every cookie. */
    void clear() {
        manager = newManager();
    }

    /** How many cookies are held, for tests and diagnostics (never their values). */
    int size() {
        return manager.getCookieStore().getCookies().size();
    }
}
