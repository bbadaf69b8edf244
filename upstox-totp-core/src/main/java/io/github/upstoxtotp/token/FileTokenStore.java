package io.github.upstoxtotp.token;

import io.github.upstoxtotp.model.AccessToken;
import io.github.upstoxtotp.port.JsonPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A {@link TokenStore} in one JSON file holding the tokens of any number of accounts, keyed by
 * store key (see {@link TokenStores#key(String, String)}, which keeps mobile numbers out of the
 * file). It holds tokens only, never credentials; the format is described in
 * {@code TokenFileCodec}.
 *
 * <h2>Safety</h2>
 * <ul>
 *   <li><b>Owner-only:</b> on POSIX file systems the file and its temp files are created
 *       {@code rw-------} (set at creation, never widened after), and a missing parent directory
 *       is created {@code rwx------}.</li>
 *   <li><b>Atomic:</b> a write goes to a temp file in the same directory, is forced to disk, then
 *       moved over the file ({@code ATOMIC_MOVE}); a reader sees the old or the new file, never a
 *       torn one, and no temp file is left behind.</li>
 *   <li><b>No lost updates:</b> a save or remove is a read-modify-write under a lock on the sidecar
 *       {@code <file>.lock}: an in-JVM lock per file (shared by every instance on that path), then
 *       an exclusive {@code FileChannel} lock for other processes (waited for up to 10 s, after
 *       which the write is skipped and logged).</li>
 *   <li><b>Refusal:</b> a file owned by another user, writable by group or others, or not a regular
 *       file is not read and not written; a WARN names the path and the reason.</li>
 *   <li><b>Never fatal:</b> a missing file is empty; an empty, truncated or corrupt one is logged
 *       (WARN, content never quoted) and treated as empty, and the next save replaces it. One that
 *       cannot be read (permissions, I/O error) is refused like the above, so that the valid tokens
 *       it may hold are never replaced. Entries that do not make sense are skipped. Write failures
 *       are logged.</li>
 * </ul>
 * Token values are never logged. Thread-safe.
 */
public final class FileTokenStore implements TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    /** A token file is a few hundred bytes per account; anything this large is not one. */
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final Duration PROCESS_LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final Path file;
    private final Path lockFile;
    private final TokenFileCodec codec;

    /**
     * @param file the token file (need not exist; nor need its directory)
     * @param json the codec to read and write it with
     */
    public FileTokenStore(Path file, JsonPort json) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (this.file.getParent() == null) {
            throw new IllegalArgumentException("token file needs a parent directory: " + file);
        }
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.codec = new TokenFileCodec(Objects.requireNonNull(json, "json"));
    }

    /** The token file. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<AccessToken> load(String key) {
        Objects.requireNonNull(key, "key");
        // No lock needed: the file is only ever replaced whole.
        return read().map(tokens -> tokens.get(key));
    }

    @Override
    public void save(String key, AccessToken token) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(token, "token");
        update("save", tokens -> !token.equals(tokens.put(key, token)));
    }

    @Override
    public void remove(String key) {
        Objects.requireNonNull(key, "key");
        update("remove", tokens -> tokens.remove(key) != null);
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }

    /** Read-modify-write under both locks; {@code change} answers whether it changed anything. */
    private void update(String what, Predicate<Map<String, AccessToken>> change) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try {
            SecureFiles.createDirectories(file.getParent());
            Optional<SecureFiles.ProcessLock> processLock = SecureFiles.lock(lockFile, PROCESS_LOCK_TIMEOUT);
            if (processLock.isEmpty()) {
                LOG.warn("token file {}: could not lock {} within {} s (held by another process, or interrupted); {} skipped",
                        file, lockFile, PROCESS_LOCK_TIMEOUT.toSeconds(), what);
                return;
            }
            try {
                Optional<Map<String, AccessToken>> current = read();
                if (current.isEmpty()) {
                    return; // refused, already logged
                }
                Map<String, AccessToken> tokens = new LinkedHashMap<>(current.get());
                if (change.test(tokens)) {
                    SecureFiles.writeAtomically(file, codec.write(tokens));
                }
            } finally {
                processLock.get().close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("token file {}: {} failed ({}); carrying on without it", file, what, e.getClass().getSimpleName());
        } finally {
            jvmLock.unlock();
        }
    }

    /** The file's tokens; empty map when missing or unusable; empty Optional when refused. */
    private Optional<Map<String, AccessToken>> read() {
        try {
            Optional<String> refusal = SecureFiles.refusal(file);
            if (refusal.isPresent()) {
                LOG.warn("token file {} {}; not using it (nothing will be read from or written to it)", file,
                        refusal.get());
                return Optional.empty();
            }
            if (SecureFiles.readableByOthers(file)) {
                LOG.warn("token file {} is readable by group or others; it is rewritten owner-only on the next save", file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                LOG.warn("token file {} is larger than {} bytes, so not a token file; treated as empty", file, MAX_FILE_BYTES);
                return Optional.of(Map.of());
            }
            TokenFileCodec.Contents contents = codec.read(Files.readAllBytes(file));
            if (contents.skipped() > 0) {
                LOG.warn("token file {}: {} malformed entries ignored", file, contents.skipped());
            }
            return Optional.of(contents.tokens());
        } catch (NoSuchFileException e) {
            return Optional.of(Map.of());
        } catch (TokenFileCodec.NotATokenFile e) {
            LOG.warn("token file {} is not a valid token file ({}); treated as empty", file, e.getMessage());
            return Optional.of(Map.of());
        } catch (IOException e) {
            // not "empty": replacing a file we could not read would lose the valid tokens it may hold
            LOG.warn("token file {} cannot be read ({}); not using it (nothing will be read from or written to it)", file,
                    e.getClass().getSimpleName());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("token file {} cannot be read ({}); treated as empty", file, e.getClass().getSimpleName());
            return Optional.of(Map.of());
        }
    }
}
