package io.github.upstoxtotp.token;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.upstoxtotp.token.FileTokenStoreTest.JSON;
import static io.github.upstoxtotp.token.FileTokenStoreTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many writers on one file, from threads, from two store instances and from other processes: no token lost, no torn file. */
@Timeout(120)
class FileTokenStoreConcurrencyTest {
    private static final int THREADS = 16;
    private static final int SAVES_PER_THREAD = 20;

    @TempDir
    Path dir;

    @Test
    void twoStoresWritingFromManyThreadsLoseNothing() throws Exception {
        Path file = dir.resolve("tokens.json");
        FileTokenStore a = new FileTokenStore(file, JSON);
        FileTokenStore b = new FileTokenStore(Paths.get(dir.toString(), ".", "tokens.json"), JSON); // same file, other spelling
        a.save("anchor", token("anchor"));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger tornReads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        Future<?> reader = pool.submit(() -> {
            FileTokenStore c = new FileTokenStore(file, JSON);
            while (writing.get()) {
                if (c.load("anchor").isEmpty()) {
                    tornReads.incrementAndGet();
                }
            }
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            FileTokenStore store = t % 2 == 0 ? a : b;
            int thread = t;
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < SAVES_PER_THREAD; i++) {
                    store.save("t" + thread + "-" + i, token("v" + thread + "-" + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> w : writers) {
            w.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        reader.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        assertEquals(0, tornReads.get(), "a reader saw a file without the anchor token");
        FileTokenStore fresh = new FileTokenStore(file, JSON);
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < SAVES_PER_THREAD; i++) {
                assertEquals(Optional.of(token("v" + t + "-" + i)), fresh.load("t" + t + "-" + i), "t" + t + "-" + i);
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the file and its lock remain");
        }
    }

    @Test
    void writersInOtherProcessesLoseNothing() throws Exception {
        Path file = dir.resolve("tokens.json");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<Process> children = new ArrayList<>();
        for (String prefix : new String[] {"p1", "p2"}) {
            children.add(new ProcessBuilder(java, "-cp", classpath, FileTokenStoreWriterMain.class.getName(),
                    file.toString(), prefix, String.valueOf(SAVES_PER_THREAD))
                    .redirectErrorStream(true).redirectOutput(dir.resolve(prefix + ".out").toFile()).start());
        }
        FileTokenStore local = new FileTokenStore(file, JSON);
        for (int i = 0; i < SAVES_PER_THREAD; i++) {
            local.save("local-" + i, token("local-" + i));
        }
        for (Process p : children) {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "child did not finish");
            assertEquals(0, p.exitValue(), "child failed: see " + dir);
        }
        FileTokenStore fresh = new FileTokenStore(file, JSON);
        for (String prefix : new String[] {"p1", "p2", "local"}) {
            for (int i = 0; i < SAVES_PER_THREAD; i++) {
                assertEquals(Optional.of(token(prefix + "-" + i)), fresh.load(prefix + "-" + i), prefix + "-" + i);
            }
        }
    }
}
