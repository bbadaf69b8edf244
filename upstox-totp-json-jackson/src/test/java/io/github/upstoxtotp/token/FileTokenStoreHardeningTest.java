package io.github.upstoxtotp.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link FileTokenStoreTest} and {@link FileTokenStoreConcurrencyTest} leave out: a token
 * file the process may not read, and readers racing two writing processes.
 */
@Timeout(120)
class FileTokenStoreHardeningTest {
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    /**
     * A file this process may not read is refused, like one owned by someone else: load finds
     * nothing, save does not replace it (it may hold other accounts' valid tokens), and the WARN
     * names the file and the reason. Root reads a {@code chmod 000} file anyway, so as root the
     * store runs in a child process started by {@code setpriv} without the capabilities that let
     * root ignore file permissions; without setpriv the test is skipped, visibly.
     */
    @Test
    void unreadableFileIsRefusedAndNeverReplaced() throws Exception {
        assumeTrue(FileTokenStoreTest.posix(dir), "needs POSIX permissions");
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file, FileTokenStoreTest.JSON);
        store.save("other", FileTokenStoreTest.token("another-accounts-valid-token"));
        store.save("k", FileTokenStoreTest.token("the-valid-token"));
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        String log;
        if (!Files.isReadable(file)) {
            log = FileTokenStoreTest.captureStderr(() -> {
                assertEquals(Optional.empty(), store.load("k"));
                store.save("k", FileTokenStoreTest.token("written-by-a-process-that-could-not-read"));
            });
        } else {
            assumeTrue(setprivWorks(), "running as root, which reads a chmod-000 file anyway, and setpriv cannot drop"
                    + " CAP_DAC_OVERRIDE here: an unreadable file cannot be produced");
            Process p = new ProcessBuilder("setpriv", "--bounding-set=-dac_override,-dac_read_search", JAVA, "-cp",
                    System.getProperty("java.class.path"), FileTokenStoreUnreadableMain.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not finish");
            log = Files.readString(dir.resolve("child.out"));
            assertEquals(0, p.exitValue(), log);
            assertTrue(log.contains("loaded: false"), log);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertArrayEquals(before, Files.readAllBytes(file), "the unreadable file was replaced:\n" + log);
        assertEquals(Optional.of(FileTokenStoreTest.token("another-accounts-valid-token")),
                new FileTokenStore(file, FileTokenStoreTest.JSON).load("other"));
        assertTrue(log.contains(file.toString()) && log.contains("cannot be read"), log);
        assertTrue(!log.contains("the-valid-token") && !log.contains("another-accounts"), log);
    }

    private static boolean setprivWorks() {
        try {
            Process p = new ProcessBuilder("setpriv", "--bounding-set=-dac_override,-dac_read_search", "true")
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Two processes save 150 tokens each while this one reads the raw file as fast as it can:
     * every read is a whole, valid token file (atomic replace: never a torn file), and at the end
     * every token is there (the lock: never a lost update).
     */
    @Test
    void readersNeverSeeATornFileWhileTwoProcessesWrite() throws Exception {
        Path file = dir.resolve("tokens.json");
        int saves = 150;
        List<Process> writers = new ArrayList<>();
        for (String prefix : new String[] {"p1", "p2"}) {
            writers.add(new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
                    FileTokenStoreWriterMain.class.getName(), file.toString(), prefix, String.valueOf(saves))
                    .redirectErrorStream(true).redirectOutput(dir.resolve(prefix + ".out").toFile()).start());
        }
        TokenFileCodec codec = new TokenFileCodec(FileTokenStoreTest.JSON);
        int reads = 0;
        int maxSeen = 0;
        while (writers.stream().anyMatch(Process::isAlive)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException notYet) {
                continue;
            }
            // throws on a torn or partial file
            TokenFileCodec.Contents contents = codec.read(bytes);
            assertEquals(0, contents.skipped(), "a read saw a damaged entry");
            assertTrue(FileTokenStoreTest.JSON.parse(bytes) instanceof JsonObject);
            maxSeen = Math.max(maxSeen, contents.tokens().size());
            reads++;
        }
        for (Process p : writers) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "a writer failed: see " + dir);
        }
        FileTokenStore fresh = new FileTokenStore(file, FileTokenStoreTest.JSON);
        for (String prefix : new String[] {"p1", "p2"}) {
            for (int i = 0; i < saves; i++) {
                AccessToken expected = FileTokenStoreTest.token(prefix + "-" + i);
                assertEquals(Optional.of(expected), fresh.load(prefix + "-" + i), prefix + "-" + i);
            }
        }
        assertTrue(reads > 0, "the reader never saw the file");
        System.out.println("file store race: " + reads + " reads of the raw file during " + 2 * saves
                + " saves by 2 processes, 0 torn, largest seen " + maxSeen + " tokens; all " + 2 * saves + " kept");
    }
}
