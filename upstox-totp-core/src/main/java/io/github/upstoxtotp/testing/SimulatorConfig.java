package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.auth.LoginProtocol;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings {@link SimulatedUpstox.Builder} collects, frozen. Bases are stored without a
 * trailing slash, so that {@code base + protocol path} is the full URL.
 */
record SimulatorConfig(
        URI apiBase,
        URI serviceBase,
        LoginProtocol protocol,
        Clock clock,
        int otpRequestLimit,
        Duration otpWindow,
        Duration otpBlock,
        int maxWrongPins,
        int totpAttempts,
        int totpWindowsEitherSide,
        Duration otpTokenTtl,
        Duration codeTtl,
        Duration sessionTtl,
        int maxSessions,
        int maxBodyBytes,
        int requestLogLimit,
        boolean errorsAsHttp200) {

    /** Where the dialog's redirect hop lives, on the API base. Not an Upstox path: the simulator's own. */
    static final String HOP_PATH = "/v2/login/authorization/simulator-hop";
    /** The login page the hop redirects to; clients stop before fetching it. */
    static final String LOGIN_PAGE = "https://login.upstox.com/";

    String apiUrl(String path) {
        return apiBase + path;
    }

    /** True when both bases use https, so cookies may carry {@code Secure}. */
    boolean secure() {
        return "https".equalsIgnoreCase(apiBase.getScheme()) && "https".equalsIgnoreCase(serviceBase.getScheme());
    }

    /**
     * The {@code Domain} attribute that lets a cookie set by the API host reach the service
     * host: none when they are the same host (cookies ignore ports), else their common parent
     * domain with a leading dot ({@code .upstox.com}). The dot matters: {@link java.net.CookieManager}
     * does not send a cookie with {@code Domain=upstox.com} to {@code service.upstox.com}.
     *
     * @throws IllegalArgumentException if the hosts differ and share no parent domain
     */
    static String cookieDomain(URI api, URI service) {
        String a = api.getHost().toLowerCase(java.util.Locale.ROOT);
        String s = service.getHost().toLowerCase(java.util.Locale.ROOT);
        if (a.equals(s)) {
            return null;
        }
        String[] al = a.split("\\.");
        String[] sl = s.split("\\.");
        int common = 0;
        while (common < al.length && common < sl.length
                && al[al.length - 1 - common].equals(sl[sl.length - 1 - common])) {
            common++;
        }
        boolean ip = a.matches("[0-9.]+") || s.matches("[0-9.]+") || a.contains(":") || s.contains(":");
        if (common < 2 || ip) {
            throw new IllegalArgumentException("apiBaseUrl and serviceBaseUrl must have the same host or a common parent"
                    + " domain, or the client's cookie store cannot carry the login session from one to the other: "
                    + a + " vs " + s);
        }
        StringBuilder d = new StringBuilder();
        for (int i = al.length - common; i < al.length; i++) {
            d.append('.').append(al[i]);
        }
        return d.toString();
    }
}
