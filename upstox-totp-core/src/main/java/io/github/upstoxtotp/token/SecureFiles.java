package io.github.upstoxtotp.token;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * File handling for secrets at rest: owner-only creation, ownership and mode checks, atomic
 * replacement, an inter-process lock. Package-private; {@link FileTokenStore} is its user.
 */
final class SecureFiles {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final long LOCK_POLL_MILLIS = 20;

    private SecureFiles() {
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Why {@code file} must not be trusted, if it must not: not a regular file, owned by another
     * user, or writable by group or others. Empty when it is fine (or when the file system has no
     * POSIX attributes to check).
     */
    static Optional<String> refusal(Path file) throws IOException {
        if (!isPosix(file)) {
            return Optional.empty();
        }
        PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class);
        if (!attrs.isRegularFile()) {
            return Optional.of("is not a regular file");
        }
        Optional<UserPrincipal> me = currentUser(file);
        if (me.isPresent() && !attrs.owner().equals(me.get())) {
            return Optional.of("is owned by " + attrs.owner().getName() + ", not by " + me.get().getName()
                    + " who runs this program");
        }
        Set<PosixFilePermission> perms = attrs.permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of("is writable by group or others (" + PosixFilePermissions.toString(perms)
                    + "); make it owner-only with: chmod 600 " + file);
        }
        return Optional.empty();
    }

    /** True when group or others may read {@code file} (worth a warning: it holds tokens). */
    static boolean readableByOthers(Path file) throws IOException {
        if (!isPosix(file)) {
            return false;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
    }

    /** Creates {@code dir} and missing parents, owner-only on POSIX. */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (isPosix(dir)) {
            Files.createDirectories(dir, OWNER_ONLY_DIR);
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Replaces {@code file} with {@code bytes} atomically: writes an owner-only temp file in the
     * same directory, forces it to disk, then moves it over {@code file}. Readers see the old or
     * the new content, never a mix; the temp file never outlives the call.
     */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.getParent();
        String prefix = "." + file.getFileName() + ".";
        Path tmp = isPosix(dir) ? Files.createTempFile(dir, prefix, ".tmp", OWNER_ONLY_FILE)
                : Files.createTempFile(dir, prefix, ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Takes an exclusive inter-process lock on {@code lockFile} (created owner-only if missing,
     * never deleted: deleting a lock file lets two processes lock two different files), waiting up
     * to {@code timeout}. Within one JVM, callers must already hold a lock of their own per file:
     * a JVM holds file locks per process, not per thread.
     *
     * @return the lock, or empty if another holder kept it past the timeout
     */
    static Optional<ProcessLock> lock(Path lockFile, Duration timeout) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileChannel ch = isPosix(lockFile) ? FileChannel.open(lockFile, options, OWNER_ONLY_FILE)
                : FileChannel.open(lockFile, options);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // the same file under another name, locked elsewhere in this JVM
                }
                if (lock != null) {
                    return Optional.of(new ProcessLock(ch, lock));
                }
                if (System.nanoTime() - deadline >= 0) {
                    ch.close();
                    return Optional.empty();
                }
                Thread.sleep(LOCK_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** A held inter-process lock; closing releases it. */
    static final class ProcessLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private ProcessLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static Optional<UserPrincipal> currentUser(Path file) {
        String name = System.getProperty("user.name");
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // e.g. a container uid with no passwd entry: skip the owner check
        }
    }
}
