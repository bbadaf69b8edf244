package io.github.upstoxtotp.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code table of PROTOCOL.md, every row. */
class UpstoxErrorCodeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UDAPI10000  | not supported",
            "UDAPI100016 | UPSTOX_CLIENT_SECRET",
            "UDAPI10005  | wait before retrying",
            "UDAPI100015 | update upstox-totp",
            "UDAPI100050 | log in again",
            "UDAPI100067 | use the access token",
            "UDAPI100036 | check the configured values",
            "UDAPI100038 | check the configured values",
            "UDAPI100068 | match the developer-app settings exactly",
            "UDAPI100073 | ask Upstox to activate it",
            "UDAPI100500 | try again later",
            "1017016     | user id or mobile number",
            "1017069     | wait 10 minutes",
            "1017106     | locks after 5 wrong PINs",
    })
    void everyCodeOfTheTableHasItsTip(String code, String tipPart) {
        UpstoxErrorCode known = UpstoxErrorCode.of(code).orElseThrow();
        assertEquals(code, known.code());
        assertFalse(known.meaning().isBlank());
        assertTrue(known.tip().contains(tipPart), known.tip());
        assertEquals(known.tip(), UpstoxErrorCode.tipFor(code, "whatever", 400));
    }

    @Test
    void theTableHasNoOtherCodes() {
        Set<String> codes = Arrays.stream(UpstoxErrorCode.values()).map(UpstoxErrorCode::code).collect(Collectors.toSet());
        assertEquals(14, codes.size());
    }

    @Test
    void unknownCodesHaveNoTip() {
        assertTrue(UpstoxErrorCode.of("UDAPI999999").isEmpty());
        assertTrue(UpstoxErrorCode.of(null).isEmpty());
        assertNull(UpstoxErrorCode.tipFor("UDAPI999999", "nope", 500), "a code we do not know: no guessing from status");
    }

    @Test
    void attemptsLeftMeansWrongTotp() {
        assertEquals(UpstoxErrorCode.WRONG_TOTP_TIP, UpstoxErrorCode.tipFor("1017016", "Invalid OTP, 2 Attempts Left", 200));
        assertTrue(UpstoxErrorCode.WRONG_TOTP_TIP.contains("clock"));
    }

    @Test
    void bareStatusesHaveTips() {
        assertEquals(UpstoxErrorCode.UDAPI10005.tip(), UpstoxErrorCode.tipFor(null, null, 429));
        assertEquals(UpstoxErrorCode.UDAPI100500.tip(), UpstoxErrorCode.tipFor(null, null, 503));
        assertTrue(UpstoxErrorCode.tipFor(null, null, 401).contains("start the login again"));
        assertNull(UpstoxErrorCode.tipFor(null, null, 404));
    }
}
