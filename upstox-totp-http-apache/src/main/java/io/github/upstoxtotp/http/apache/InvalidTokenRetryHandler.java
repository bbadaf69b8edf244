package io.github.upstoxtotp.http.apache;

import io.github.upstoxtotp.error.UpstoxTotpException;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.token.TokenService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the token for each exchange and, when Upstox rejects it as invalid, executes the
 * request once more with a new one. See {@link UpstoxBearerAuth} for the rules.
 */
final class InvalidTokenRetryHandler implements ExecChainHandler {

    /** The error code as a JSON string value, quoted so a longer code never matches. */
    private static final byte[] INVALID_TOKEN = "\"UDAPI100050\"".getBytes(StandardCharsets.US_ASCII);
    private static final int INSPECT_LIMIT = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(UpstoxBearerAuth.class);

    private final TokenService tokens;

    InvalidTokenRetryHandler(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        HttpClientContext context = scope.clientContext;
        if (context.getAttribute(UpstoxBearerAuth.BYPASS_ATTRIBUTE) != null) {
            return chain.proceed(request, scope);
        }
        AccessToken used = token(request);
        try {
            context.setAttribute(UpstoxBearerAuth.GRANT_ATTRIBUTE, BearerGrant.of(used, scope.route.getTargetHost()));
            // the chain changes the request it is given (headers, entity wrapper); the retry needs it as it came
            ClassicHttpResponse response = chain.proceed(ClassicRequestBuilder.copy(request).build(), scope);
            if (response.getCode() != HttpStatus.SC_UNAUTHORIZED) {
                return response;
            }
            AccessToken fresh;
            try {
                fresh = replacement(request, response, used);
            } catch (IOException | RuntimeException e) {
                response.close();
                throw e;
            }
            if (fresh == null) {
                return response;
            }
            response.close();
            context.setAttribute(UpstoxBearerAuth.GRANT_ATTRIBUTE, BearerGrant.of(fresh, scope.route.getTargetHost()));
            return chain.proceed(ClassicRequestBuilder.copy(request).build(), scope);
        } finally {
            // a context the caller reuses must not offer this token to a later exchange
            context.removeAttribute(UpstoxBearerAuth.GRANT_ATTRIBUTE);
        }
    }

    /** The token to execute the request again with, or null to hand the 401 back. */
    private AccessToken replacement(ClassicHttpRequest request, ClassicHttpResponse unauthorized, AccessToken used)
            throws IOException {
        if (!rejectsTheToken(unauthorized)) {
            return null;
        }
        tokens.invalidate(used);
        HttpEntity entity = request.getEntity();
        if (entity != null && !entity.isRepeatable()) {
            LOG.debug("Upstox rejected the access token for {}; the request entity cannot be sent again",
                    where(request));
            return null;
        }
        AccessToken fresh = token(request);
        if (fresh.value().equals(used.value())) {
            LOG.debug("Upstox rejected the access token for {} and no newer one is available; not sent again",
                    where(request));
            return null;
        }
        LOG.debug("Upstox rejected the access token for {}; executing the request once more with a new token",
                where(request));
        return fresh;
    }

    /**
     * Reads up to the limit of the body to look for the code, and gives the response an entity the
     * caller can still read in full: the bytes read when that was all of it, else those bytes
     * followed by the rest of the stream.
     */
    private static boolean rejectsTheToken(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return false;
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return false;
        }
        byte[] head = in.readNBytes(INSPECT_LIMIT + 1);
        ContentType type = contentType(entity);
        if (head.length <= INSPECT_LIMIT) {
            in.close();
            response.setEntity(new ByteArrayEntity(head, type, entity.getContentEncoding()));
            return indexOf(head, INVALID_TOKEN) >= 0;
        }
        response.setEntity(new InputStreamEntity(new SequenceInputStream(new ByteArrayInputStream(head), in),
                entity.getContentLength(), type, entity.getContentEncoding()));
        return false;
    }

    private static ContentType contentType(HttpEntity entity) {
        String header = entity.getContentType();
        if (header == null) {
            return null;
        }
        try {
            return ContentType.parseLenient(header);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private AccessToken token(ClassicHttpRequest request) throws IOException {
        AccessToken token;
        try {
            token = tokens.accessToken();
        } catch (RuntimeException e) {
            String why = e instanceof UpstoxTotpException ? e.getMessage() : "(" + e.getClass().getName() + ")";
            throw new IOException("no Upstox access token for " + where(request) + ": the login failed: " + why, e);
        }
        String value = token.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IOException("the Upstox access token has a character at " + i + " that cannot be sent in a header");
            }
        }
        return token;
    }

    /** Method and host, never the path, query or user info. */
    private static String where(ClassicHttpRequest request) {
        URIAuthority authority = request.getAuthority();
        if (authority == null) {
            return request.getMethod();
        }
        return request.getMethod() + " " + authority.getHostName() + (authority.getPort() == -1 ? "" : ":" + authority.getPort());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "InvalidTokenRetryHandler[" + tokens.getClass().getSimpleName() + "]";
    }
}
