package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.port.HttpRequest;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every request shares: the browser-like headers, URL building and encoding. */
final class Wire {
    static final String LOGIN_ORIGIN = "https://login.upstox.com";
    static final String CHROME_VERSION = "131.0.0.0";
    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
            + CHROME_VERSION + " Safari/537.36";
    static final String DEVICE_DETAILS = "platform=WEB|osName=Windows/10|osVersion=Chrome/" + CHROME_VERSION
            + "|appVersion=4.0.0|modelName=Chrome|manufacturer=unknown";
    static final String ACCEPT = "application/json, text/plain, */*";
    static final String ACCEPT_LANGUAGE = "en-US,en;q=0.9";
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String REQUEST_ID_HEADER = "x-request-id";

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Wire() {
    }

    /** {@code WPRO-} and 10 random letters and digits, as the web login page makes them. */
    static String newRequestId() {
        StringBuilder sb = new StringBuilder("WPRO-");
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** The headers the web login page sends with each login-service call. */
    static HttpRequest.Builder browserHeaders(HttpRequest.Builder b, String requestId) {
        return b.header("accept", ACCEPT)
                .header("accept-language", ACCEPT_LANGUAGE)
                .header("content-type", JSON)
                .header("origin", LOGIN_ORIGIN)
                .header("referer", LOGIN_ORIGIN + "/")
                .header("user-agent", USER_AGENT)
                .header("x-device-details", DEVICE_DETAILS)
                .header(REQUEST_ID_HEADER, requestId);
    }

    /** {@code base + path}, then {@code ?query} when there is one; query values are percent-encoded once. */
    static URI uri(URI base, String path, String... queryNamesAndValues) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        String query = query(queryNamesAndValues);
        return URI.create(b + path + (query.isEmpty() ? "" : "?" + query));
    }

    /** {@code a=1&b=2} with names and values percent-encoded (space as {@code %20}). */
    static String query(String... namesAndValues) {
        return join(namesAndValues, true);
    }

    /** {@code application/x-www-form-urlencoded} (space as {@code +}). */
    static String form(String... namesAndValues) {
        return join(namesAndValues, false);
    }

    private static String join(String[] namesAndValues, boolean percentSpace) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(encode(namesAndValues[i], percentSpace)).append('=').append(encode(namesAndValues[i + 1], percentSpace));
        }
        return sb.toString();
    }

    private static String encode(String s, boolean percentSpace) {
        String e = URLEncoder.encode(s, StandardCharsets.UTF_8);
        return percentSpace ? e.replace("+", "%20") : e;
    }

    /** The decoded query parameters of a URI; the first of a repeated name wins. */
    static Map<String, String> queryParameters(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%' is kept as it is rather than failing the login
        }
    }
}
