package io.github.upstoxtotp.token;

import java.nio.file.Paths;

/**
 * A second process for {@link FileTokenStoreHardeningTest}, started without the right to read
 * the token file: loads key {@code k}, prints what it got, then tries to save a new token.
 */
public final class FileTokenStoreUnreadableMain {
    private FileTokenStoreUnreadableMain() {
    }

    public static void main(String[] args) {
        FileTokenStore store = new FileTokenStore(Paths.get(args[0]), FileTokenStoreTest.JSON);
        System.out.println("loaded: " + store.load("k").isPresent());
        store.save("k", FileTokenStoreTest.token("written-by-a-process-that-could-not-read"));
        System.out.println("saved");
    }
}
