package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.error.ConfigurationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstoxTotpConfigTest {
    @TempDir
    Path dir;

    @Test
    void validSettingsBuildWithDefaults() {
        Map<String, String> env = ValidSettings.map();
        env.remove("UPSTOX_PASSWORD");

        UpstoxTotpConfig c = UpstoxTotpConfig.fromSources(env, Map.of());

        assertEquals(ValidSettings.USERNAME, c.username());
        assertEquals(Optional.empty(), c.password());
        assertEquals(ValidSettings.PIN, c.pinCode().reveal());
        assertEquals(ValidSettings.TOTP, c.totpSecret().reveal());
        assertEquals(ValidSettings.CLIENT_ID, c.clientId());
        assertEquals(ValidSettings.CLIENT_SECRET, c.clientSecret().reveal());
        assertEquals(URI.create(ValidSettings.REDIRECT), c.redirectUri());
        assertFalse(c.debug());
        assertEquals(Duration.ofMillis(1000), c.sleepTime());
        assertEquals(URI.create("https://api.upstox.com"), c.apiBaseUrl());
        assertEquals(URI.create("https://service.upstox.com"), c.serviceBaseUrl());
        assertEquals(Optional.empty(), c.tokenStore());
    }

    @Test
    void defaultsInTheTableMatchTheConfigDefaults() {
        assertEquals(Optional.of("1000"), Setting.SLEEP_TIME.defaultValue());
        assertEquals(Optional.of(UpstoxTotpConfig.DEFAULT_API_BASE_URL.toString()), Setting.API_BASE_URL.defaultValue());
        assertEquals(Optional.of(UpstoxTotpConfig.DEFAULT_SERVICE_BASE_URL.toString()),
                Setting.SERVICE_BASE_URL.defaultValue());
        assertEquals(Optional.of("false"), Setting.DEBUG.defaultValue());
        assertEquals(Duration.ofMillis(1000), UpstoxTotpConfig.DEFAULT_SLEEP_TIME);
    }

    @Test
    void everyOptionalSettingIsTakenWhenGiven() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_DEBUG", "On");
        env.put("UPSTOX_SLEEP_TIME", "0");
        env.put("UPSTOX_API_BASE_URL", "http://127.0.0.1:8080");
        env.put("UPSTOX_SERVICE_BASE_URL", "http://localhost:8081/service");
        env.put("UPSTOX_TOKEN_STORE", "none");

        UpstoxTotpConfig c = UpstoxTotpConfig.fromSources(env, Map.of());

        assertTrue(c.debug());
        assertEquals(Duration.ZERO, c.sleepTime());
        assertEquals(URI.create("http://127.0.0.1:8080"), c.apiBaseUrl());
        assertEquals(URI.create("http://localhost:8081/service"), c.serviceBaseUrl());
        assertEquals(Optional.of("none"), c.tokenStore());
        assertEquals(ValidSettings.PASSWORD, c.password().orElseThrow().reveal());
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "1,true", "yes,true", "Yes,true", "on,true", "ON,true",
        "false,false", "False,false", "0,false", "no,false", "NO,false", "off,false", "Off,false"})
    void debugAcceptsTheUsualSpellingsInAnyCase(String value, boolean expected) {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_DEBUG", value);
        assertEquals(expected, UpstoxTotpConfig.fromSources(env, Map.of()).debug());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "10000,10000", "+250,250", "007,7", "-0,0"})
    void sleepTimeAcceptsWholeMillisecondsInRange(String value, long millis) {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_SLEEP_TIME", value);
        assertEquals(Duration.ofMillis(millis), UpstoxTotpConfig.fromSources(env, Map.of()).sleepTime());
    }

    @Test
    void whitespaceAroundValuesIsTrimmed() {
        Map<String, String> env = ValidSettings.map();
        env.replaceAll((k, v) -> "  " + v + "\t ");

        UpstoxTotpConfig c = UpstoxTotpConfig.fromSources(env, Map.of());

        assertEquals(ValidSettings.USERNAME, c.username());
        assertEquals(ValidSettings.PIN, c.pinCode().reveal());
        assertEquals(ValidSettings.CLIENT_SECRET, c.clientSecret().reveal());
        assertEquals(URI.create(ValidSettings.REDIRECT), c.redirectUri());
    }

    @Test
    void totpSecretIsNormalizedForTheGenerator() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_TOTP_SECRET", "jbsw y3dp-ehpk 3pxp");
        assertEquals("JBSWY3DPEHPK3PXP", UpstoxTotpConfig.fromSources(env, Map.of()).totpSecret().reveal());

        env.put("UPSTOX_TOTP_SECRET", "MZXW6===");
        assertEquals("MZXW6", UpstoxTotpConfig.fromSources(env, Map.of()).totpSecret().reveal());
    }

    @Test
    void passwordIsAcceptedButNeverRequired() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_PASSWORD", "anything at all, even spaces");
        assertTrue(UpstoxTotpConfig.fromSources(env, Map.of()).password().isPresent());
        env.remove("UPSTOX_PASSWORD");
        assertTrue(UpstoxTotpConfig.fromSources(env, Map.of()).password().isEmpty());
    }

    @Test
    void environmentWinsOverFileAndFileFillsTheGaps() {
        Map<String, String> env = ValidSettings.map();
        env.remove("UPSTOX_CLIENT_ID");
        env.put("UPSTOX_SLEEP_TIME", "250");
        Map<String, String> file = Map.of(
                "UPSTOX_USERNAME", "9000000001",
                "UPSTOX_SLEEP_TIME", "9000",
                "UPSTOX_CLIENT_ID", "from-file",
                "UPSTOX_DEBUG", "yes");

        UpstoxTotpConfig c = UpstoxTotpConfig.fromSources(env, file);

        assertEquals(ValidSettings.USERNAME, c.username());
        assertEquals(Duration.ofMillis(250), c.sleepTime());
        assertEquals("from-file", c.clientId());
        assertTrue(c.debug());
    }

    @Test
    void blankEnvironmentValueFallsThroughToTheFile() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_CLIENT_ID", "  ");
        assertEquals("from-file",
                UpstoxTotpConfig.fromSources(env, Map.of("UPSTOX_CLIENT_ID", "from-file")).clientId());
    }

    @Test
    void envFileIsReadAndEnvironmentStillWins() throws Exception {
        Path file = dir.resolve("upstox.env");
        Files.writeString(file, String.join("\n",
                "# Upstox credentials",
                "export UPSTOX_USERNAME=9000000001",
                "UPSTOX_PIN_CODE=\"" + ValidSettings.PIN + "\"",
                "UPSTOX_TOTP_SECRET='" + ValidSettings.TOTP + "'",
                "UPSTOX_CLIENT_ID = " + ValidSettings.CLIENT_ID + "   # the API key",
                "UPSTOX_CLIENT_SECRET=\"" + ValidSettings.CLIENT_SECRET + "\" # quoted",
                "",
                "UPSTOX_REDIRECT_URI=" + ValidSettings.REDIRECT,
                "UPSTOX_SLEEP_TIME=0"));
        ConfigSource env = ConfigSource.of("environment", Map.of("UPSTOX_USERNAME", ValidSettings.USERNAME));

        UpstoxTotpConfig c = UpstoxTotpConfig.from(ConfigSource.standard(env, file, dir.resolve(".env")));

        assertEquals(ValidSettings.USERNAME, c.username());
        assertEquals(ValidSettings.PIN, c.pinCode().reveal());
        assertEquals(ValidSettings.TOTP, c.totpSecret().reveal());
        assertEquals(ValidSettings.CLIENT_ID, c.clientId());
        assertEquals(ValidSettings.CLIENT_SECRET, c.clientSecret().reveal());
        assertEquals(Duration.ZERO, c.sleepTime());
    }

    @Test
    void dotenvInTheWorkingDirectoryIsOptional() throws Exception {
        ConfigSource env = ConfigSource.of("environment", ValidSettings.map());
        Path dotenv = dir.resolve(".env");

        UpstoxTotpConfig without = UpstoxTotpConfig.from(ConfigSource.standard(env, null, dotenv));
        Files.writeString(dotenv, "UPSTOX_DEBUG=yes\n");
        UpstoxTotpConfig with = UpstoxTotpConfig.from(ConfigSource.standard(env, null, dotenv));

        assertFalse(without.debug());
        assertTrue(with.debug());
    }

    @Test
    void missingExplicitEnvFileIsAConfigurationErrorNamingThePath() {
        Path missing = dir.resolve("nope.env");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UpstoxTotpConfig.fromEnvFile(missing));

        assertEquals(List.of("env file " + missing + " does not exist"), e.problems());
    }

    @Test
    void malformedEnvFileLinesAreReportedWithTheOtherProblems() throws Exception {
        Path file = dir.resolve("bad.env");
        Files.writeString(file, String.join("\n",
                "UPSTOX_PIN_CODE " + ValidSettings.PIN,
                "UPSTOX_CLIENT_SECRET=\"" + ValidSettings.CLIENT_SECRET,
                "UPSTOX_USERNAME=12"));
        Map<String, String> env = ValidSettings.map();
        env.remove("UPSTOX_PIN_CODE");
        env.remove("UPSTOX_CLIENT_SECRET");
        env.remove("UPSTOX_USERNAME");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> UpstoxTotpConfig.from(
                List.of(ConfigSource.of("environment", env), ConfigSource.envFile(file))));

        assertEquals(List.of(
                "UPSTOX_PIN_CODE: line 1 of " + file + " has no '=' (write UPSTOX_PIN_CODE=value)",
                "UPSTOX_CLIENT_SECRET: line 2 of " + file
                        + " has an unterminated double quote (values must fit on one line)",
                "UPSTOX_USERNAME must be exactly 10 digits (got 2 characters)"), e.problems());
        ValidSettings.assertNoSecret(e.getMessage(), List.of());
    }

    @Test
    void toStringListsEverySettingWithSecretsMasked() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_TOKEN_STORE", "/tmp/token.json");

        String text = UpstoxTotpConfig.fromSources(env, Map.of()).toString();

        assertEquals("UpstoxTotpConfig[username=9876543210, password=****, pinCode=****, totpSecret=****,"
                + " clientId=3f1c2b7a-client-id, clientSecret=****, redirectUri=https://127.0.0.1:5000/callback,"
                + " debug=false, sleepTime=1000ms, apiBaseUrl=https://api.upstox.com,"
                + " serviceBaseUrl=https://service.upstox.com, tokenStore=/tmp/token.json, loginProtocol=seed]", text);
        ValidSettings.assertNoSecret(text, List.of());
    }

    @Test
    void builderSettersMatchTheEnvironmentRoute() {
        UpstoxTotpConfig c = BadSettingTest.validBuilder()
                .debug(true)
                .sleepTime(Duration.ofMillis(1500))
                .apiBaseUrl("http://127.0.0.1:9000")
                .tokenStore("token.json")
                .build();

        assertTrue(c.debug());
        assertEquals(Duration.ofMillis(1500), c.sleepTime());
        assertEquals(URI.create("http://127.0.0.1:9000"), c.apiBaseUrl());
        assertEquals(Optional.of("token.json"), c.tokenStore());
        assertEquals(Duration.ofMillis(700),
                BadSettingTest.validBuilder().sleepTime(Duration.ofSeconds(3)).set(Setting.SLEEP_TIME, "700")
                        .build().sleepTime());
        assertEquals(Duration.ofMillis(1000),
                BadSettingTest.validBuilder().sleepTime(Duration.ofSeconds(3)).sleepTime(null).build().sleepTime());
    }
}
