package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code UPSTOX_LOGIN_PROTOCOL}: which login-service variant to speak. */
class LoginProtocolSettingTest {

    private static UpstoxTotpConfig withEnv(String value) {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_LOGIN_PROTOCOL", value);
        return UpstoxTotpConfig.fromSources(env, Map.of());
    }

    @Test
    void theSettingIsOptionalPlainAndDefaultsToSeed() {
        Setting s = Setting.LOGIN_PROTOCOL;
        assertEquals("UPSTOX_LOGIN_PROTOCOL", s.envName());
        assertFalse(s.isSecret());
        assertFalse(s.isRequired());
        assertEquals(Optional.of("seed"), s.defaultValue());
        assertTrue(s.description().contains("seed") && s.description().contains("v2026"), s.description());
        assertEquals(List.of("seed", "v2026"), UpstoxTotpConfig.LOGIN_PROTOCOLS);
        assertEquals("seed", BadSettingTest.validBuilder().build().loginProtocol());
        assertEquals("seed", UpstoxTotpConfig.fromSources(ValidSettings.map(), Map.of()).loginProtocol());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({"seed, seed", "SEED, seed", "Seed, seed", "v2026, v2026", "V2026, v2026", "'  v2026  ', v2026"})
    void validValuesInAnyCaseAreKeptInLowerCase(String value, String expected) {
        assertEquals(expected, withEnv(value).loginProtocol());
        assertEquals(expected, BadSettingTest.validBuilder().loginProtocol(value).build().loginProtocol());
    }

    @Test
    void theBuilderAndTheDotenvFileSetItAndBlankMeansTheDefault() {
        assertEquals("seed", BadSettingTest.validBuilder().loginProtocol("v2026").loginProtocol(null).build()
                .loginProtocol());
        assertEquals("seed", BadSettingTest.validBuilder().loginProtocol("   ").build().loginProtocol());
        assertEquals("v2026", UpstoxTotpConfig.fromSources(ValidSettings.map(),
                Map.of("UPSTOX_LOGIN_PROTOCOL", "v2026")).loginProtocol());
        assertTrue(BadSettingTest.validBuilder().loginProtocol("V2026").build().toString()
                .endsWith(", loginProtocol=v2026]"));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"v2025", "v5", "seed2026", "latest"})
    void anUnknownValueNamesTheSettingAndListsTheValidValues(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> withEnv(value));
        assertEquals(List.of("UPSTOX_LOGIN_PROTOCOL must be one of seed, v2026 (got '" + value + "')"), e.problems());
        assertTrue(e.getMessage().contains("UPSTOX_LOGIN_PROTOCOL must be one of seed, v2026"), e.getMessage());
    }

    @Test
    void aValueThatMightBeAPastedSecretIsNotQuoted() {
        String pasted = ValidSettings.CLIENT_SECRET + "-and-" + ValidSettings.PIN;
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> withEnv(pasted));
        assertEquals(List.of("UPSTOX_LOGIN_PROTOCOL must be one of seed, v2026 (got a value of " + pasted.length()
                + " characters)"), e.problems());
        ValidSettings.assertNoSecret(e.getMessage(), List.of(pasted));
        ConfigurationException spaced = assertThrows(ConfigurationException.class, () -> withEnv("v 2026"));
        assertTrue(spaced.problems().get(0).endsWith("(got a value of 6 characters)"), spaced.problems()::toString);
    }

    @Test
    void itIsReportedWithEveryOtherProblemInTableOrder() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_LOGIN_PROTOCOL", "v3");
        env.put("UPSTOX_DEBUG", "maybe");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UpstoxTotpConfig.fromSources(env, Map.of()));
        assertEquals(2, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().get(0).startsWith("UPSTOX_DEBUG "));
        assertTrue(e.problems().get(1).startsWith("UPSTOX_LOGIN_PROTOCOL "));
    }

    @Test
    void checkEnvShowsTheDefaultTheGivenValueAndTheProblem() {
        ConfigCheck defaulted = ConfigCheck.of(List.of(ConfigSource.of("environment", ValidSettings.map())));
        assertEquals("UPSTOX_LOGIN_PROTOCOL=seed (default) OK", defaulted.status(Setting.LOGIN_PROTOCOL).toString());
        assertTrue(defaulted.isValid());

        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_LOGIN_PROTOCOL", "V2026");
        SettingStatus given = ConfigCheck.of(List.of(ConfigSource.of("environment", env))).status(Setting.LOGIN_PROTOCOL);
        assertEquals(new SettingStatus(Setting.LOGIN_PROTOCOL, "V2026", "environment", Optional.empty(), false), given);

        env.put("UPSTOX_LOGIN_PROTOCOL", "v2025");
        ConfigCheck bad = ConfigCheck.of(List.of(ConfigSource.of("environment", env)));
        assertFalse(bad.isValid());
        assertEquals(List.of("UPSTOX_LOGIN_PROTOCOL must be one of seed, v2026 (got 'v2025')"), bad.problems());
        assertEquals(Optional.of(bad.problems().get(0)), bad.status(Setting.LOGIN_PROTOCOL).problem());
    }
}
