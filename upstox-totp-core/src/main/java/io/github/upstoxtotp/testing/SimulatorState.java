package io.github.upstoxtotp.testing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the simulator remembers between requests: accounts (by mobile), apps (by client
 * id), login sessions (by cookie) and outstanding authorization codes.
 *
 * <p>Not thread-safe by itself: {@link SimulatedUpstox} holds its lock around every handler, so
 * each request sees and leaves a consistent state. Sessions and codes are capped (oldest
 * dropped first), so a flood of dialog requests against the sandbox cannot exhaust memory.
 */
final class SimulatorState {

    /** One issued authorization code. */
    record AuthCode(String code, String clientId, String redirectUri, AccountState account, Instant expires) {
    }

    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final SimulatorConfig config;
    final SecureRandom random;
    final FakeJwt jwt;
    private final Map<String, AccountState> accounts;
    private final Map<String, SimulatedAccount> apps;
    private final LinkedHashMap<String, SimSession> sessions = new LinkedHashMap<>();
    private final LinkedHashMap<String, AuthCode> codes = new LinkedHashMap<>();

    SimulatorState(SimulatorConfig config, List<SimulatedAccount> accountList, SecureRandom random, FakeJwt jwt) {
        this.config = config;
        this.random = random;
        this.jwt = jwt;
        Map<String, AccountState> byMobile = new LinkedHashMap<>();
        Map<String, SimulatedAccount> byClient = new HashMap<>();
        for (SimulatedAccount a : accountList) {
            if (byMobile.put(a.mobileNumber(), new AccountState(a)) != null) {
                throw new IllegalArgumentException("two accounts have the mobile number " + a.mobileNumber());
            }
            SimulatedAccount app = byClient.putIfAbsent(a.clientId(), a);
            if (app != null && (!app.clientSecret().equals(a.clientSecret()) || !app.redirectUri().equals(a.redirectUri()))) {
                throw new IllegalArgumentException("accounts sharing client id " + a.clientId()
                        + " must have the same client secret and redirect URI");
            }
        }
        this.accounts = Collections.unmodifiableMap(byMobile);
        this.apps = Collections.unmodifiableMap(byClient);
    }

    AccountState account(String mobile) {
        return mobile == null ? null : accounts.get(mobile);
    }

    Collection<AccountState> accounts() {
        return accounts.values();
    }

    /** An account of the app with this client id (client secret and redirect URI are the app's), or null. */
    SimulatedAccount app(String clientId) {
        return clientId == null ? null : apps.get(clientId);
    }

    SimSession newSession(String clientId, String appRedirectUri, Instant now) {
        SimSession s = new SimSession(randomHex(24), clientId, appRedirectUri, randomAlnum(6), now);
        sessions.put(s.id, s);
        trim(sessions, config.maxSessions());
        return s;
    }

    /** The live session for a cookie value, or null when unknown or idle longer than the session TTL. */
    SimSession session(String id, Instant now) {
        if (id == null) {
            return null;
        }
        SimSession s = sessions.get(id);
        if (s == null) {
            return null;
        }
        if (!now.isBefore(s.lastSeen.plus(config.sessionTtl()))) {
            sessions.remove(id);
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    String newCode(SimSession session, Instant now) {
        String code = randomAlnum(6) + randomHex(4); // shaped like Upstox's short codes, with enough entropy
        codes.put(code, new AuthCode(code, session.clientId, session.appRedirectUri, session.account,
                now.plus(config.codeTtl())));
        trim(codes, Math.max(config.maxSessions(), 16));
        return code;
    }

    /** Removes and returns the code: codes are single-use, whatever the outcome of the exchange. */
    AuthCode takeCode(String code) {
        return code == null ? null : codes.remove(code);
    }

    /** Makes every outstanding validate-OTP token and authorization code expire now. */
    void expireCodes() {
        for (SimSession s : sessions.values()) {
            if (s.otpToken != null) {
                s.otpTokenExpires = Instant.MIN;
            }
        }
        codes.replaceAll((k, c) -> new AuthCode(c.code(), c.clientId(), c.redirectUri(), c.account(), Instant.MIN));
    }

    void reset() {
        sessions.clear();
        codes.clear();
        for (AccountState a : accounts.values()) {
            a.reset();
        }
    }

    String randomHex(int bytes) {
        char[] out = new char[bytes * 2];
        for (int i = 0; i < bytes; i++) {
            int b = random.nextInt(256);
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 15];
        }
        return new String(out);
    }

    String randomAlnum(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALNUM[random.nextInt(ALNUM.length)];
        }
        return new String(out);
    }

    private static <V> void trim(LinkedHashMap<String, V> map, int max) {
        Iterator<String> it = map.keySet().iterator();
        while (map.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
