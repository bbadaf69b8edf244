package io.github.upstoxtotp.token;

import java.nio.file.Paths;

/** A second process for {@link FileTokenStoreConcurrencyTest}: saves {@code count} tokens named {@code prefix-i}. */
public final class FileTokenStoreWriterMain {
    private FileTokenStoreWriterMain() {
    }

    public static void main(String[] args) {
        FileTokenStore store = new FileTokenStore(Paths.get(args[0]), FileTokenStoreTest.JSON);
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            store.save(args[1] + "-" + i, FileTokenStoreTest.token(args[1] + "-" + i));
        }
    }
}
