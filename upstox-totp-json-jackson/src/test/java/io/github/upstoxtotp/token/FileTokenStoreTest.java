package io.github.upstoxtotp.token;

import io.github.upstoxtotp.json.jackson.JacksonJsonPort;
import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.JsonObject;
import io.github.upstoxtotp.port.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The file store: format, permissions, atomic replace, damage and refusal. Concurrency is in {@link FileTokenStoreConcurrencyTest}. */
class FileTokenStoreTest {
    static final JacksonJsonPort JSON = new JacksonJsonPort();
    static final Instant ISSUED = Instant.parse("2025-06-02T09:30:00Z");

    @TempDir
    Path dir;

    static AccessToken token(String value) {
        return new AccessToken(value, null, "U-" + value, ISSUED, ISSUED.plusSeconds(45_000));
    }

    static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private List<String> dirListing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void savesAndLoadsEveryField() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"), JSON);
        AccessToken full = new AccessToken("eyJ.access", "eyJ.extended", "7ABCDE", ISSUED, ISSUED.plusSeconds(3600));
        AccessToken plain = token("plain");
        store.save("a", full);
        store.save("b", plain);
        FileTokenStore reopened = new FileTokenStore(dir.resolve("tokens.json"), JSON);
        assertEquals(Optional.of(full), reopened.load("a"));
        assertEquals(Optional.of(plain), reopened.load("b"));
        assertEquals(Optional.empty(), reopened.load("c"));
    }

    @Test
    void fileHoldsEpochMillisAndNoCredentials() throws IOException {
        Path file = dir.resolve("tokens.json");
        new FileTokenStore(file, JSON).save(TokenStores.key("client", "9876543210"), token("v"));
        String text = Files.readString(file);
        JsonObject entry = (JsonObject) ((JsonObject) ((JsonObject) JSON.parse(text)).get("tokens").orElseThrow())
                .members().values().iterator().next();
        assertEquals(JsonValue.of(ISSUED.toEpochMilli()), entry.get("issued_at").orElseThrow());
        assertEquals(List.of("access_token", "user_id", "issued_at", "expires_at"), List.copyOf(entry.members().keySet()));
        assertFalse(text.contains("9876543210") || text.contains("client"), "the account key is hashed");
    }

    @Test
    void removeForgetsOneKeyOnly() {
        FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"), JSON);
        store.save("a", token("a"));
        store.save("b", token("b"));
        store.remove("a");
        store.remove("never-there");
        assertEquals(Optional.empty(), store.load("a"));
        assertEquals(Optional.of(token("b")), store.load("b"));
    }

    @Test
    void fileAndNewParentDirectoryAreOwnerOnly() throws IOException {
        assumeTrue(posix(dir));
        Path file = dir.resolve("new/sub/tokens.json");
        new FileTokenStore(file, JSON).save("k", token("v"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new/sub/tokens.json.lock"))));
    }

    @Test
    void replaceIsAtomicAndLeavesNoTempFiles() throws IOException {
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file, JSON);
        for (int i = 0; i < 50; i++) {
            store.save("k" + (i % 5), token("v" + i));
        }
        assertEquals(List.of("tokens.json", "tokens.json.lock"), dirListing(dir));
        assertEquals(5, ((JsonObject) ((JsonObject) JSON.parse(Files.readString(file))).get("tokens").orElseThrow()).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"version\":1,\"tokens\":{\"k\":{\"access_token\":\"abc", "null", "[]",
        "{\"version\":99,\"tokens\":{}}", "{\"version\":1}", "\u0000\u0001binary", "{\"version\":1,\"tokens\":[]}"})
    void damagedFileIsEmptyAndStillWritable(String content) throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, content);
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        FileTokenStore store = new FileTokenStore(file, JSON);
        assertEquals(Optional.empty(), store.load("k"));
        store.save("k", token("fresh"));
        assertEquals(Optional.of(token("fresh")), new FileTokenStore(file, JSON).load("k"));
    }

    @Test
    void malformedEntriesAreSkippedAndValidOnesKept() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"version\":1,\"tokens\":{"
                + "\"bad1\":{\"access_token\":\"x\"},"
                + "\"bad2\":{\"access_token\":\"\",\"issued_at\":1,\"expires_at\":2},"
                + "\"bad3\":{\"access_token\":\"x\",\"issued_at\":\"1\",\"expires_at\":2},"
                + "\"bad4\":7,"
                + "\"good\":{\"access_token\":\"g\",\"user_id\":\"U\",\"issued_at\":1,\"expires_at\":2,\"extended_token\":null}}}");
        FileTokenStore store = new FileTokenStore(file, JSON);
        assertEquals(Optional.of(new AccessToken("g", null, "U", Instant.ofEpochMilli(1), Instant.ofEpochMilli(2))), store.load("good"));
        assertEquals(Optional.empty(), store.load("bad1"));
        store.save("other", token("o"));
        assertTrue(store.load("good").isPresent(), "a valid token is never lost on rewrite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw--w----", "rw-rw----", "rw-----w-", "rw-rw-rw-"})
    void groupOrWorldWritableFileIsRefusedAndLeftAlone(String mode) throws IOException {
        assumeTrue(posix(dir));
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file, JSON);
        store.save("k", token("planted"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        byte[] before = Files.readAllBytes(file);
        String log = captureStderr(() -> {
            assertEquals(Optional.empty(), store.load("k"));
            store.save("k", token("new"));
        });
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file), "no write");
        assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(log.contains(file.toString()) && log.contains("writable by group or others"), log);
    }

    @Test
    void fileOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue(posix(dir) && "root".equals(System.getProperty("user.name")), "needs root to give a file away");
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file, JSON);
        store.save("k", token("planted"));
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        String log = captureStderr(() -> assertEquals(Optional.empty(), store.load("k")));
        assertTrue(log.contains("owned by nobody"), log);
    }

    @Test
    void readableByOthersIsUsedButRewrittenOwnerOnly() throws IOException {
        assumeTrue(posix(dir));
        Path file = dir.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file, JSON);
        store.save("k", token("v"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.of(token("v")), store.load("k"));
        store.save("k2", token("w"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void logsNeverQuoteTheFileOrTheTokens() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"version\":1,\"tokens\":{\"k\":{\"access_token\":\"SECRET-TOKEN-VALUE\"");
        FileTokenStore store = new FileTokenStore(file, JSON);
        String log = captureStderr(() -> {
            store.load("k");
            store.save("k", token("ANOTHER-SECRET"));
            store.load("k");
        });
        assertTrue(log.contains("not a valid token file"), log);
        assertFalse(log.contains("SECRET"), log);
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsNeverFatal() throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.createDirectory(file);
        FileTokenStore store = new FileTokenStore(file, JSON);
        assertEquals(Optional.empty(), store.load("k"));
        store.save("k", token("v")); // logged, not thrown
        store.remove("k");
    }

    static String captureStderr(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
