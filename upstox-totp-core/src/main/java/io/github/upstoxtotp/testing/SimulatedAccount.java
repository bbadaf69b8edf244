package io.github.upstoxtotp.testing;

import io.github.upstoxtotp.totp.Base32;
import io.github.upstoxtotp.totp.Base32Exception;

import java.util.Objects;

/**
 * One Upstox user known to the {@link SimulatedUpstox}, together with the developer app
 * (client id, secret, redirect URI) that user logs in through.
 *
 * <p>Several accounts may share one app; then they must agree on its secret and redirect URI.
 * {@link #toString()} masks the PIN, the TOTP secret and the client secret.
 *
 * @param mobileNumber the 10-digit mobile number the user logs in with (step 2)
 * @param pin the PIN, in clear; the client must send it base64-encoded exactly once (step 4)
 * @param totpSecret the Base32 TOTP secret (spaces, lower case and missing padding are accepted)
 * @param userId the Upstox user id (e.g. {@code DEMO01}); {@code sub} of the access token
 * @param firstName shown in the TOTP-verify profile
 * @param lastName shown in the TOTP-verify profile
 * @param email returned by the token exchange
 * @param profileId the numeric profile id of the TOTP-verify answer
 * @param clientId the developer app's API key
 * @param clientSecret the developer app's secret
 * @param redirectUri the developer app's redirect URI, compared exactly (no normalisation)
 * @param extendedToken whether the token exchange also returns an {@code extended_token}
 */
public record SimulatedAccount(
        String mobileNumber,
        String pin,
        String totpSecret,
        String userId,
        String firstName,
        String lastName,
        String email,
        int profileId,
        String clientId,
        String clientSecret,
        String redirectUri,
        boolean extendedToken) {

    /**
     * The demo account, ready to use; the sandbox prints these credentials:
     * <table>
     *   <caption>Demo credentials</caption>
     *   <tr><td>mobile number</td><td>{@code 9999999999}</td></tr>
     *   <tr><td>PIN</td><td>{@code 123456}</td></tr>
     *   <tr><td>TOTP secret</td><td>{@code JBSWY3DPEHPK3PXP}</td></tr>
     *   <tr><td>user id</td><td>{@code DEMO01} (Demo Trader, {@code demo@example.com}, profile 1001)</td></tr>
     *   <tr><td>client id</td><td>{@code sandbox-client}</td></tr>
     *   <tr><td>client secret</td><td>{@code sandbox-secret}</td></tr>
     *   <tr><td>redirect URI</td><td>{@code http://127.0.0.1/callback}</td></tr>
     * </table>
     * It has no extended token.
     */
    public static final SimulatedAccount DEMO = new SimulatedAccount(
            "9999999999", "123456", "JBSWY3DPEHPK3PXP", "DEMO01", "Demo", "Trader", "demo@example.com", 1001,
            "sandbox-client", "sandbox-secret", "http://127.0.0.1/callback", false);

    /**
     * Validates the account.
     *
     * @throws IllegalArgumentException if the mobile number is not 10 digits, the PIN is empty,
     *         or the TOTP secret is not Base32 (the message never quotes a secret)
     */
    public SimulatedAccount {
        Objects.requireNonNull(mobileNumber, "mobileNumber");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(totpSecret, "totpSecret");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (!mobileNumber.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("mobileNumber must be exactly 10 digits");
        }
        if (pin.isEmpty()) {
            throw new IllegalArgumentException("pin is empty");
        }
        if (userId.isBlank() || clientId.isBlank() || redirectUri.isBlank()) {
            throw new IllegalArgumentException("userId, clientId and redirectUri must not be blank");
        }
        try {
            if (Base32.decode(totpSecret).length == 0) {
                throw new IllegalArgumentException("totpSecret is empty");
            }
        } catch (Base32Exception e) {
            // Base32Exception names the position, never the secret
            throw new IllegalArgumentException("totpSecret is not Base32: " + e.getMessage(), e);
        }
    }

    /** A builder starting from the {@link #DEMO} account's values. @return a new builder */
    public static Builder builder() {
        return DEMO.toBuilder();
    }

    /** A builder holding this account's values, to derive a variant. @return a new builder */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The user's display name, as the token exchange returns it. @return first and last name */
    public String userName() {
        return (firstName + " " + lastName).trim();
    }

    @Override
    public String toString() {
        return "SimulatedAccount[mobileNumber=" + mobileNumber + ", pin=****, totpSecret=****, userId=" + userId
                + ", name=" + userName() + ", email=" + email + ", profileId=" + profileId + ", clientId=" + clientId
                + ", clientSecret=****, redirectUri=" + redirectUri + ", extendedToken=" + extendedToken + "]";
    }

    /** Builds a {@link SimulatedAccount}; starts from another account's values. Not thread-safe. */
    public static final class Builder {
        private String mobileNumber;
        private String pin;
        private String totpSecret;
        private String userId;
        private String firstName;
        private String lastName;
        private String email;
        private int profileId;
        private String clientId;
        private String clientSecret;
        private String redirectUri;
        private boolean extendedToken;

        private Builder(SimulatedAccount from) {
            mobileNumber = from.mobileNumber;
            pin = from.pin;
            totpSecret = from.totpSecret;
            userId = from.userId;
            firstName = from.firstName;
            lastName = from.lastName;
            email = from.email;
            profileId = from.profileId;
            clientId = from.clientId;
            clientSecret = from.clientSecret;
            redirectUri = from.redirectUri;
            extendedToken = from.extendedToken;
        }

        /** Sets {@link SimulatedAccount#mobileNumber()}. @return this builder */
        public Builder mobileNumber(String v) {
            mobileNumber = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#pin()}. @return this builder */
        public Builder pin(String v) {
            pin = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#totpSecret()}. @return this builder */
        public Builder totpSecret(String v) {
            totpSecret = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#userId()}. @return this builder */
        public Builder userId(String v) {
            userId = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#firstName()}. @return this builder */
        public Builder firstName(String v) {
            firstName = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#lastName()}. @return this builder */
        public Builder lastName(String v) {
            lastName = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#email()}. @return this builder */
        public Builder email(String v) {
            email = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#profileId()}. @return this builder */
        public Builder profileId(int v) {
            profileId = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#clientId()}. @return this builder */
        public Builder clientId(String v) {
            clientId = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#clientSecret()}. @return this builder */
        public Builder clientSecret(String v) {
            clientSecret = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#redirectUri()}. @return this builder */
        public Builder redirectUri(String v) {
            redirectUri = v;
            return this;
        }

        /** Sets {@link SimulatedAccount#extendedToken()}. @return this builder */
        public Builder extendedToken(boolean v) {
            extendedToken = v;
            return this;
        }

        /**
         * The account.
         *
         * @return the account
         * @throws IllegalArgumentException as the record's constructor does
         */
        public SimulatedAccount build() {
            return new SimulatedAccount(mobileNumber, pin, totpSecret, userId, firstName, lastName, email, profileId,
                    clientId, clientSecret, redirectUri, extendedToken);
        }
    }
}
