package io.github.upstoxtotp.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TotpGeneratorConcurrencyTest {
    private static final int THREADS = 32;
    private static final int CODES = 2_000;

    @Test
    @Timeout(60)
    void oneGeneratorServesManyThreadsAtOnce() throws Exception {
        byte[] key = TotpGeneratorTest.KEY;
        TotpGenerator shared = TotpGenerator.builder().key(key).build();
        String[] expected = new String[CODES];
        for (int i = 0; i < CODES; i++) {
            expected[i] = TotpGeneratorTest.reference(key, "HmacSHA1", 6, i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 61;
                results.add(pool.submit(() -> {
                    start.await();
                    int mismatches = 0;
                    for (int n = 0; n < CODES; n++) {
                        int counter = (offset + n) % CODES; // threads hit different counters at the same moment
                        if (!expected[counter].equals(shared.generate(counter * 30L + n % 30))) {
                            mismatches++;
                        }
                        if (!shared.verify(expected[counter], java.time.Instant.ofEpochSecond(counter * 30L), 0)) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(0, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
