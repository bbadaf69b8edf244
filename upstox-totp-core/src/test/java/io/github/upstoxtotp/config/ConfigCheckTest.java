package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.upstoxtotp.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {
    @TempDir
    Path dir;

    @Test
    void validSettingsShowMaskedSecretsSourcesAndDefaults() {
        Map<String, String> env = ValidSettings.map();
        env.remove("UPSTOX_REDIRECT_URI");
        ConfigCheck check = ConfigCheck.of(List.of(ConfigSource.of("environment", env),
                ConfigSource.of("my.env", Map.of("UPSTOX_REDIRECT_URI", ValidSettings.REDIRECT,
                        "UPSTOX_USERNAME", "9000000001"))));

        assertTrue(check.isValid(), check.problems()::toString);
        assertEquals(new SettingStatus(Setting.USERNAME, ValidSettings.USERNAME, "environment", Optional.empty(),
                false), check.status(Setting.USERNAME));
        assertEquals("****", check.status(Setting.PIN_CODE).displayValue());
        assertEquals("****", check.status(Setting.PASSWORD).displayValue());
        assertEquals("JB****", check.status(Setting.TOTP_SECRET).displayValue());
        assertEquals("cs****", check.status(Setting.CLIENT_SECRET).displayValue());
        assertEquals("my.env", check.status(Setting.REDIRECT_URI).source());
        SettingStatus sleep = check.status(Setting.SLEEP_TIME);
        assertEquals(new SettingStatus(Setting.SLEEP_TIME, "1000", "default", Optional.empty(), true), sleep);
        assertFalse(sleep.isSet());
        SettingStatus store = check.status(Setting.TOKEN_STORE);
        assertTrue(store.ok());
        assertFalse(store.isSet());
        assertEquals("UPSTOX_TOKEN_STORE= (not set) OK", store.toString());
        assertEquals(Setting.values().length, check.settings().size());
        String printed = check.settings().stream().map(SettingStatus::toString).collect(Collectors.joining("\n"));
        ValidSettings.assertNoSecret(printed, List.of());
    }

    @Test
    void problemsAreTheSameAsBuildingWouldReportAndNothingThrows() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_PIN_CODE", "12x4");
        env.put("UPSTOX_SLEEP_TIME", "fast");
        env.remove("UPSTOX_CLIENT_ID");
        List<ConfigSource> layers = List.of(ConfigSource.of("environment", env));

        ConfigCheck check = ConfigCheck.of(layers);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> UpstoxTotpConfig.from(layers));

        assertFalse(check.isValid());
        assertEquals(e.problems(), check.problems());
        assertEquals(3, check.problems().size());
        assertEquals(Optional.of(SettingRules.missing(Setting.CLIENT_ID)), check.status(Setting.CLIENT_ID).problem());
        SettingStatus pin = check.status(Setting.PIN_CODE);
        assertEquals("****", pin.displayValue());
        assertTrue(pin.problem().orElseThrow().startsWith("UPSTOX_PIN_CODE must be 4 to 6 digits"));
        ValidSettings.assertNoSecret(pin.toString(), List.of("12x4"));
    }

    @Test
    void unknownUpstoxNamesAreWarnings() {
        Map<String, String> env = ValidSettings.map();
        env.put("UPSTOX_PINCODE", "1234");
        env.put("PATH", "/usr/bin");

        ConfigCheck check = ConfigCheck.of(List.of(ConfigSource.of("environment", env)));

        assertTrue(check.isValid());
        assertEquals(List.of("UPSTOX_PINCODE (in environment) is not a known setting"), check.warnings());
    }

    @Test
    void malformedFileLineIsAProblemAndNotAlsoMissing() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "UPSTOX_CLIENT_SECRET=\"unterminated-s3cret\n");
        Map<String, String> env = ValidSettings.map();
        env.remove("UPSTOX_CLIENT_SECRET");

        ConfigCheck check = ConfigCheck.of(List.of(ConfigSource.of("environment", env), ConfigSource.envFile(file)));

        assertEquals(1, check.problems().size(), check.problems()::toString);
        assertTrue(check.problems().get(0).startsWith("UPSTOX_CLIENT_SECRET: line 1 of " + file));
        assertEquals(Optional.of("UPSTOX_CLIENT_SECRET could not be read: its line in " + file + " is malformed"),
                check.status(Setting.CLIENT_SECRET).problem());
        ValidSettings.assertNoSecret(String.join("\n", check.problems()), List.of("unterminated-s3cret"));
    }

    @Test
    void explicitMissingFileThrowsNamingIt() {
        Path missing = dir.resolve("missing.env");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ConfigCheck.ofEnv(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
