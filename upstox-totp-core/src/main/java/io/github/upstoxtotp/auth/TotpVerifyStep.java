package io.github.upstoxtotp.auth;

import io.github.upstoxtotp.error.LoginStep;
import io.github.upstoxtotp.error.ProtocolException;
import io.github.upstoxtotp.model.OtpValidation;
import io.github.upstoxtotp.model.UserProfile;
import io.github.upstoxtotp.port.HttpRequest;
import io.github.upstoxtotp.port.HttpResponse;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;

import java.util.List;

/**
 * Step 3: send the current TOTP in place of the SMS OTP, with the token from step 2. The
 * answer names the profile step 4 logs in to: {@code data.userProfile} in the seed protocol,
 * one of {@code data.accounts[]} in protocols that {@linkplain LoginProtocol#verifyAnswersAccounts()
 * answer with accounts}; either becomes {@link OtpValidation#profile()}.
 */
final class TotpVerifyStep implements Step<LoginState.OtpIssued, LoginState.OtpVerified> {

    @Override
    public LoginStep id() {
        return LoginStep.TOTP_VERIFY;
    }

    /** Asks the context for the TOTP, so each call (each attempt) has the code of its moment. */
    JsonObject body(LoginState.OtpIssued state, StepContext c) {
        return JsonObject.builder().put("data", JsonObject.builder()
                .put("otp", c.totp().get())
                .put("validateOtpToken", state.otp().validateOtpToken())
                .build()).build();
    }

    @Override
    public HttpRequest request(LoginState.OtpIssued state, StepContext c) {
        HttpRequest.Builder b = HttpRequest.post(Wire.uri(c.config().serviceBaseUrl(), c.protocol().totpVerifyPath()));
        return Wire.browserHeaders(b, c.requestId()).body(c.write(body(state, c))).build();
    }

    /** Binds the {@link LoginProtocol#SEED} shape ({@code data.userProfile}). */
    @Override
    public LoginState.OtpVerified next(LoginState.OtpIssued state, HttpResponse response, JsonValue body) {
        return bind(state, body, LoginProtocol.SEED);
    }

    @Override
    public LoginState.OtpVerified next(LoginState.OtpIssued state, StepContext c, HttpResponse response, JsonValue body) {
        return bind(state, body, c.protocol());
    }

    private LoginState.OtpVerified bind(LoginState.OtpIssued state, JsonValue body, LoginProtocol protocol) {
        Fields data = Fields.root(id(), body).object("data");
        UserProfile profile = protocol.verifyAnswersAccounts()
                ? chosenAccount(data, state.user().userId(), protocol)
                : userProfile(data, protocol);
        OtpValidation validation = new OtpValidation(
                data.optString("message"),
                data.optString("userType"),
                profile,
                data.optBoolean("isSecretPinSet"));
        return new LoginState.OtpVerified(state.user(), validation);
    }

    /** {@code data.userProfile}, or null when absent; {@code data.accounts} in its place is the other variant. */
    private UserProfile userProfile(Fields data, LoginProtocol protocol) {
        Fields p = data.optObject("userProfile");
        if (p == null) {
            if (data.has("accounts")) {
                throw ProtocolMismatch.missingButFound(id(), data.path("userProfile"), data.path("accounts"), protocol,
                        LoginProtocol::verifyAnswersAccounts);
            }
            return null;
        }
        return profile(p, false);
    }

    /**
     * The entry of {@code data.accounts[]} whose {@code userId} is the one step 1 named, else
     * the first: a mobile number may hold several accounts, and the dialog's user id is the
     * only hint the client has of which one the app belongs to. Its {@code profileId} and
     * {@code userId} are required, since step 4 sends both.
     */
    private UserProfile chosenAccount(Fields data, String userId, LoginProtocol protocol) {
        String field = data.path("accounts");
        List<Fields> accounts = data.optObjects("accounts");
        if (accounts == null) {
            if (data.has("userProfile")) {
                throw ProtocolMismatch.missingButFound(id(), field, data.path("userProfile"), protocol,
                        p -> !p.verifyAnswersAccounts());
            }
            throw new ProtocolException(id(), field, field + " missing (expected array of objects)");
        }
        if (accounts.isEmpty()) {
            throw new ProtocolException(id(), field, field + " is empty (expected at least one account)");
        }
        Fields chosen = accounts.get(0);
        for (Fields a : accounts) {
            if (userId.equals(a.optString("userId"))) {
                chosen = a;
                break;
            }
        }
        return profile(chosen, true);
    }

    private static UserProfile profile(Fields p, boolean userIdRequired) {
        return new UserProfile(
                p.intValue("profileId"),
                userIdRequired ? p.string("userId") : p.optString("userId"),
                p.optString("firstName"),
                p.optString("lastName"),
                p.optString("avatarUrl"));
    }
}
