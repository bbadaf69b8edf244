package io.github.upstoxtotp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void tableHoldsTheDocumentedNamesInOrder() {
        assertEquals(List.of("UPSTOX_USERNAME", "UPSTOX_PASSWORD", "UPSTOX_PIN_CODE", "UPSTOX_TOTP_SECRET",
                "UPSTOX_CLIENT_ID", "UPSTOX_CLIENT_SECRET", "UPSTOX_REDIRECT_URI", "UPSTOX_DEBUG",
                "UPSTOX_SLEEP_TIME", "UPSTOX_API_BASE_URL", "UPSTOX_SERVICE_BASE_URL", "UPSTOX_TOKEN_STORE",
                "UPSTOX_LOGIN_PROTOCOL"),
                Arrays.stream(Setting.values()).map(Setting::envName).collect(Collectors.toList()));
    }

    @Test
    void secretsAndRequiredSettingsAreMarked() {
        assertEquals(EnumSet.of(Setting.PASSWORD, Setting.PIN_CODE, Setting.TOTP_SECRET, Setting.CLIENT_SECRET),
                Arrays.stream(Setting.values()).filter(Setting::isSecret)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Setting.class))));
        assertEquals(EnumSet.of(Setting.USERNAME, Setting.PIN_CODE, Setting.TOTP_SECRET, Setting.CLIENT_ID,
                Setting.CLIENT_SECRET, Setting.REDIRECT_URI),
                Arrays.stream(Setting.values()).filter(Setting::isRequired)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Setting.class))));
        for (Setting s : Setting.values()) {
            assertFalse(s.description().isBlank(), s::envName);
            assertFalse(s.isRequired() && s.defaultValue().isPresent(), s::envName);
        }
    }

    @Test
    void byEnvNameFindsExactNamesOnly() {
        assertEquals(Optional.of(Setting.PIN_CODE), Setting.byEnvName("UPSTOX_PIN_CODE"));
        assertTrue(Setting.byEnvName("upstox_pin_code").isEmpty());
        assertTrue(Setting.byEnvName("UPSTOX_PINCODE").isEmpty());
    }
}
