/**
 * One-time passwords: RFC 6238 TOTP and RFC 4226 HOTP ({@link io.github.upstoxtotp.totp.TotpGenerator})
 * and the RFC 4648 Base32 decoder for the secrets people paste ({@link io.github.upstoxtotp.totp.Base32}).
 *
 * <p>Pure JDK. No type here ever puts a key, a secret or any part of one into a message or a
 * {@code toString}.
 */
package io.github.upstoxtotp.totp;
