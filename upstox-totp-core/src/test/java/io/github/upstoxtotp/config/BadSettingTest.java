package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BadSettingTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("UPSTOX_USERNAME", "12345", "exactly 10 digits (got 5 characters)"),
                bad("UPSTOX_USERNAME", "123456789012", "exactly 10 digits (got 12 characters)"),
                bad("UPSTOX_USERNAME", "+919876543210", "drop the leading +91"),
                bad("UPSTOX_USERNAME", "+91 98765 43210", "drop the leading +91"),
                bad("UPSTOX_USERNAME", "919876543210", "drop the leading 91"),
                bad("UPSTOX_USERNAME", "98765x3210", "character 6 is not a digit"),
                bad("UPSTOX_USERNAME", "+1 5551234567", "character 1 is not a digit"),
                bad("UPSTOX_PIN_CODE", "193", "shorter than 4"),
                bad("UPSTOX_PIN_CODE", "1938475", "longer than 6"),
                bad("UPSTOX_PIN_CODE", "19z8", "not a digit"),
                bad("UPSTOX_PIN_CODE", "19 38", "not a digit"),
                bad("UPSTOX_PIN_CODE", "NDgyOTEz", "looks base64-encoded"),
                bad("UPSTOX_TOTP_SECRET", "KRUGS4ZANFZSA!ZF", "character 14 is not a Base32 letter"),
                bad("UPSTOX_TOTP_SECRET", "krugs4zanfzsa0zf", "character 14 is not a Base32 letter"),
                bad("UPSTOX_TOTP_SECRET", "KRUG S4ZA-NFZS 1ZF", "character 16 is not a Base32 letter"),
                bad("UPSTOX_TOTP_SECRET", "KRUGS4", "character 6 ends a group of 6"),
                bad("UPSTOX_TOTP_SECRET", "KRUGS4ZA=NFZSAYZF", "character 9 is padding in the middle"),
                bad("UPSTOX_TOTP_SECRET", "- - -", "no Base32 letters"),
                bad("UPSTOX_TOTP_SECRET", "=====", "character 1 starts 5 padding"),
                bad("UPSTOX_CLIENT_ID", "my client id", "must not contain spaces"),
                bad("UPSTOX_CLIENT_SECRET", "sec ret value", "must not contain spaces"),
                bad("UPSTOX_REDIRECT_URI", "/callback", "absolute http(s) URL"),
                bad("UPSTOX_REDIRECT_URI", "ftp://example.com/cb", "scheme is 'ftp'"),
                bad("UPSTOX_REDIRECT_URI", "http://exa mple.com/cb", "not a valid URL (character 11 is a space)"),
                bad("UPSTOX_REDIRECT_URI", "http://example.com/a|b", "not a valid URL (near character"),
                bad("UPSTOX_REDIRECT_URI", "https:///cb", "must name a host"),
                bad("UPSTOX_REDIRECT_URI", "https://example.com/cb#top", "must not have a fragment"),
                bad("UPSTOX_API_BASE_URL", "api.upstox.com", "absolute http(s) URL"),
                bad("UPSTOX_API_BASE_URL", "mailto:ops@upstox.com", "scheme is 'mailto'"),
                bad("UPSTOX_API_BASE_URL", "https://api.upstox.com?x=1", "must not have a query"),
                bad("UPSTOX_API_BASE_URL", "https://", "not a valid URL"),
                bad("UPSTOX_SERVICE_BASE_URL", "http://bad_host", "must name a host"),
                bad("UPSTOX_SERVICE_BASE_URL", "http:opaque", "must name a host"),
                bad("UPSTOX_SLEEP_TIME", "abc", "not a whole number"),
                bad("UPSTOX_SLEEP_TIME", "1.5", "not a whole number"),
                bad("UPSTOX_SLEEP_TIME", "1000ms", "not a whole number"),
                bad("UPSTOX_SLEEP_TIME", "-1", "from 0 to 10000 ms (got -1)"),
                bad("UPSTOX_SLEEP_TIME", "10001", "from 0 to 10000 ms (got 10001)"),
                bad("UPSTOX_SLEEP_TIME", "99999999999999999999999", "from 0 to 10000 ms"),
                bad("UPSTOX_DEBUG", "maybe", "true/false, 1/0, yes/no, on/off"),
                bad("UPSTOX_DEBUG", "2", "true/false, 1/0, yes/no, on/off"),
                bad("UPSTOX_DEBUG", "enabled", "true/false, 1/0, yes/no, on/off"),
                bad("UPSTOX_TOKEN_STORE", "tok\0en.json", "file path or 'none'"));
    }

    private static Arguments bad(String envName, String value, String expected) {
        return Arguments.of(envName, value, expected);
    }

    @ParameterizedTest(name = "{0}=''{1}'' -> {2}")
    @MethodSource("badValues")
    void badValueIsReportedByNameWithoutSecrets(String envName, String value, String expected) {
        Map<String, String> env = ValidSettings.map();
        env.put(envName, value);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UpstoxTotpConfig.fromSources(env, Map.of()));

        assertEquals(1, e.problems().size(), e.problems()::toString);
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith(envName + " "), problem);
        assertTrue(problem.contains(expected), () -> "expected '" + expected + "' in: " + problem);
        boolean secret = Setting.byEnvName(envName).orElseThrow().isSecret();
        List<String> secrets = secret ? List.of(value.strip()) : List.of();
        ValidSettings.assertNoSecret(problem, secrets);
        ValidSettings.assertNoSecret(e.getMessage(), secrets);
    }

    @ParameterizedTest
    @EnumSource(value = Setting.class, names = {"USERNAME", "PIN_CODE", "TOTP_SECRET", "CLIENT_ID", "CLIENT_SECRET",
            "REDIRECT_URI"})
    void requiredSettingMissingOrBlankIsReportedAsMissing(Setting setting) {
        assertTrue(setting.isRequired());
        for (String absent : new String[] {null, "", "   \t"}) {
            Map<String, String> env = ValidSettings.map();
            if (absent == null) {
                env.remove(setting.envName());
            } else {
                env.put(setting.envName(), absent);
            }
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> UpstoxTotpConfig.fromSources(env, Map.of()));
            assertEquals(List.of(setting.envName() + " is missing (" + setting.description() + ")"), e.problems());
        }
    }

    @Test
    void everyProblemIsReportedAtOnceInTableOrder() {
        Map<String, String> env = Map.of(
                "UPSTOX_USERNAME", "+919876543210",
                "UPSTOX_PIN_CODE", "12",
                "UPSTOX_TOTP_SECRET", "NOT-BASE32-1890",
                "UPSTOX_REDIRECT_URI", "ftp://x/cb",
                "UPSTOX_DEBUG", "perhaps",
                "UPSTOX_SLEEP_TIME", "20000",
                "UPSTOX_API_BASE_URL", "nohost",
                "UPSTOX_SERVICE_BASE_URL", "https://ok.example");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UpstoxTotpConfig.fromSources(env, Map.of()));

        List<String> names = e.problems().stream().map(p -> p.substring(0, p.indexOf(' '))).toList();
        assertEquals(List.of("UPSTOX_USERNAME", "UPSTOX_PIN_CODE", "UPSTOX_TOTP_SECRET", "UPSTOX_CLIENT_ID",
                "UPSTOX_CLIENT_SECRET", "UPSTOX_REDIRECT_URI", "UPSTOX_DEBUG", "UPSTOX_SLEEP_TIME",
                "UPSTOX_API_BASE_URL"), names);
        assertTrue(e.getMessage().startsWith("Invalid configuration (9 problems):"), e.getMessage());
        ValidSettings.assertNoSecret(e.getMessage(), List.of("NOT-BASE32-1890", "NOT", "1890"));
    }

    @Test
    void builderReportsEveryProblemToo() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UpstoxTotpConfig.builder().username("98765").pinCode("1234").build());

        assertEquals(List.of(
                "UPSTOX_USERNAME must be exactly 10 digits (got 5 characters)",
                "UPSTOX_TOTP_SECRET is missing (" + Setting.TOTP_SECRET.description() + ")",
                "UPSTOX_CLIENT_ID is missing (" + Setting.CLIENT_ID.description() + ")",
                "UPSTOX_CLIENT_SECRET is missing (" + Setting.CLIENT_SECRET.description() + ")",
                "UPSTOX_REDIRECT_URI is missing (" + Setting.REDIRECT_URI.description() + ")"), e.problems());
    }

    @Test
    void countryCodeHintTellsToDropIt() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_USERNAME", "+919876543210");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UpstoxTotpConfig.fromSources(env, Map.of()));

        assertEquals(List.of("UPSTOX_USERNAME must be the 10-digit mobile number without the country code:"
                + " drop the leading +91"), e.problems());
    }

    @Test
    void base32ProblemNamesThePositionInTheValueAsGiven() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_TOTP_SECRET", "  jbsw y3dp-8hpk 3pxp  ");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UpstoxTotpConfig.fromSources(env, Map.of()));

        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("UPSTOX_TOTP_SECRET is not valid Base32: character 11 is not a Base32 letter"),
                problem);
        ValidSettings.assertNoSecret(problem, List.of("jbsw", "y3dp", "8hpk", "3pxp"));
    }

    @Test
    void sleepTimeDurationOutOfRangeIsAProblem() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> validBuilder()
                .sleepTime(java.time.Duration.ofSeconds(11)).build());
        assertEquals(List.of("UPSTOX_SLEEP_TIME must be from 0 to 10000 ms (got more than 10000 ms)"), e.problems());

        e = assertThrows(ConfigurationException.class, () -> validBuilder()
                .sleepTime(java.time.Duration.ofMillis(-5)).build());
        assertEquals(List.of("UPSTOX_SLEEP_TIME must be from 0 to 10000 ms (got a negative duration)"), e.problems());
    }

    static UpstoxTotpConfig.Builder validBuilder() {
        return UpstoxTotpConfig.builder()
                .username(ValidSettings.USERNAME)
                .pinCode(ValidSettings.PIN)
                .totpSecret(ValidSettings.TOTP)
                .clientId(ValidSettings.CLIENT_ID)
                .clientSecret(ValidSettings.CLIENT_SECRET)
                .redirectUri(ValidSettings.REDIRECT);
    }
}
