package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.port.JsonObject;

/**
 * Step 2: OTP generation. Needs the session, a known 10-digit mobile number whose account
 * uses this session's app, and the pre-login user id from step 1. Requests are counted per
 * mobile number over a sliding window; going over the limit blocks generation (1017069).
 * Answers a fresh {@code validateOTPToken}; the simulator sends no SMS, the TOTP replaces it.
 */
final class OtpGenerateHandler {
    private OtpGenerateHandler() {
    }

    static SimReply handle(SimExchange ex, SimulatorState st, Envelopes env) {
        SimSession s = LoginServiceChecks.session(ex, st, env);
        JsonObject data = ex.data();
        String mobile = SimExchange.string(data, "mobileNumber");
        if (mobile == null || !mobile.matches("[0-9]{10}")) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Please enter a valid 10-digit mobile number");
        }
        String userId = SimExchange.string(data, "userId");
        if (!s.preLoginUserId.equals(userId)) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Something went wrong. Please try again (userId missing or wrong)");
        }
        if (data.has("countryIsdCode") && !"+91".equals(SimExchange.string(data, "countryIsdCode"))) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "Only +91 mobile numbers are supported");
        }
        AccountState account = st.account(mobile);
        if (account == null) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "This mobile number is not registered");
        }
        if (!account.account.clientId().equals(s.clientId)) {
            throw env.loginReject(400, Envelopes.LOGIN_GENERIC, "This app does not belong to this user");
        }
        SimulatorConfig c = st.config;
        if (!account.tryOtpRequest(ex.now(), c.otpRequestLimit(), c.otpWindow(), c.otpBlock())) {
            throw env.loginReject(400, Envelopes.OTP_BLOCKED,
                    "OTP requests blocked: too many requests. Please try again after " + c.otpBlock().toMinutes() + " minutes");
        }
        String token = uuidShaped(st);
        s.otpIssued(account, token, ex.now().plus(c.otpTokenTtl()), c.totpAttempts());
        return env.loginOk(JsonObject.builder()
                .put("message", "OTP sent to mobile number ******" + mobile.substring(6))
                .put("validateOTPToken", token)
                .put("nextRequestInterval", 30)
                .put("userType", "individual")
                .put("isTotpEnabled", true)
                .build());
    }

    private static String uuidShaped(SimulatorState st) {
        String h = st.randomHex(16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }
}
