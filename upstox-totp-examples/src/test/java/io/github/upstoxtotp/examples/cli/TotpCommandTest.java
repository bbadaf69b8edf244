package io.github.upstoxtotp.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpCommandTest {
    /** RFC 6238 Appendix B's SHA1 key, "12345678901234567890", in Base32. */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @TempDir
    Path work;
    @TempDir
    Path home;

    private CliHarness cli() {
        return new CliHarness(work, home);
    }

    @Test
    void rfcSecretAt59PrintsTheRfcCodeTruncatedToSixDigits() {
        var r = cli().run(Map.of("UPSTOX_TOTP_SECRET", RFC_SECRET), "totp", "--at", "59");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("287082" + System.lineSeparator(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void otherRfcInstantsMatchTheirVectors() {
        // RFC 6238 Appendix B, SHA1: 07081804 at 1111111109, 14050471 at 1111111111, 89005924 at 1234567890
        assertEquals("081804", cli().run(Map.of("UPSTOX_TOTP_SECRET", RFC_SECRET), "totp", "--at", "1111111109").out().strip());
        assertEquals("050471", cli().run(Map.of("UPSTOX_TOTP_SECRET", RFC_SECRET), "totp", "--at", "1111111111").out().strip());
        assertEquals("005924", cli().run(Map.of("UPSTOX_TOTP_SECRET", RFC_SECRET), "totp", "--at", "1234567890").out().strip());
    }

    @Test
    void secretWithSpacesLowerCaseAndNoPaddingIsAccepted() {
        var r = cli().run(Map.of("UPSTOX_TOTP_SECRET", "gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), "totp", "--at", "59");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("287082", r.out().strip());
    }

    @Test
    void withoutAtPrintsTheCurrentCodeAndTheSecondsLeftOnStderr() {
        Clock at59 = Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC);
        var r = cli().clock(at59).run(Map.of("UPSTOX_TOTP_SECRET", RFC_SECRET), "totp");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("287082", r.out().strip());
        assertTrue(r.err().contains("1 s left in this 30 s window"), r::toString);
    }

    @Test
    void secretComesFromDotEnvInTheWorkingDirectoryAndTheEnvironmentWins() throws Exception {
        Files.writeString(work.resolve(".env"), "UPSTOX_TOTP_SECRET=" + RFC_SECRET + "\n");
        assertEquals("287082", cli().run(Map.of(), "totp", "--at", "59").out().strip());

        var envWins = cli().run(Map.of("UPSTOX_TOTP_SECRET", "JBSWY3DPEHPK3PXP"), "totp", "--at", "59");
        assertEquals(0, envWins.exitCode(), envWins::toString);
        assertFalse(envWins.out().contains("287082"), envWins::toString);
    }

    @Test
    void secretComesFromEnvFileResolvedAgainstTheWorkingDirectory() throws Exception {
        Files.writeString(work.resolve("custom.env"), "export UPSTOX_TOTP_SECRET=\"" + RFC_SECRET + "\"\n");
        var r = cli().run(Map.of(), "totp", "--env-file", "custom.env", "--at", "59");

        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("287082", r.out().strip());
    }

    @Test
    void missingSecretIsAConfigurationError() {
        var r = cli().run(Map.of(), "totp");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("UPSTOX_TOTP_SECRET"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void malformedSecretIsAConfigurationErrorThatNeverEchoesIt() {
        String bad = "ZZZZ1890QQQQ";
        var r = cli().run(Map.of("UPSTOX_TOTP_SECRET", bad), "totp", "--at", "59");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("UPSTOX_TOTP_SECRET"), r::toString);
        assertFalse(r.all().contains(bad), r::toString);
    }

    @Test
    void missingEnvFileIsAConfigurationErrorNamingIt() {
        var r = cli().run(Map.of("UPSTOX_TOTP_SECRET", RFC_SECRET), "totp", "--env-file", "nope.env");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("nope.env"), r::toString);
    }

    @Test
    void nonNumericAtIsAUsageError() {
        var r = cli().run(Map.of("UPSTOX_TOTP_SECRET", RFC_SECRET), "totp", "--at", "soon");

        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--at"), r::toString);
        assertEquals("", r.out());
    }
}
