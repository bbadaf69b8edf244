package io.github.upstoxtotp.port.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Fixtures for {@link HttpPortContract}: sockets that refuse or never answer, payloads, secret checks. */
public final class HttpPortContractSupport {

    static final String LOOPBACK = "127.0.0.1";

    private HttpPortContractSupport() {
    }

    /** A loopback port nothing listens on: connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} reproducible pseudo-random bytes. */
    public static byte[] bytes(int size, long seed) {
        byte[] out = new byte[size];
        new Random(seed).nextBytes(out);
        return out;
    }

    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Fails if any message or {@code toString} in the cause chain contains one of the secrets. */
    public static void assertNoSecretIn(Throwable thrown, String... secrets) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String where = t.getClass().getName() + " in the failure's cause chain reveals a secret";
            for (String text : List.of(String.valueOf(t.getMessage()), t.toString())) {
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), where);
                }
            }
        }
    }

    /**
     * A loopback listener whose accept queue is full, so the kernel drops new SYNs and a
     * connect attempt hangs until the client's connect timeout. Empty where the platform
     * refuses or accepts instead (verified with a probe), so the caller can skip visibly.
     */
    public static final class Blackhole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> fillers;

        private Blackhole(ServerSocket server, List<Socket> fillers) {
            this.server = server;
            this.fillers = fillers;
        }

        public static Optional<Blackhole> open() {
            List<Socket> fillers = new ArrayList<>();
            ServerSocket server = null;
            try {
                server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                InetSocketAddress address = new InetSocketAddress(LOOPBACK, server.getLocalPort());
                for (int i = 0; i < 16; i++) {
                    Socket probe = new Socket();
                    try {
                        probe.connect(address, 300);
                        fillers.add(probe);
                    } catch (SocketTimeoutException full) {
                        probe.close();
                        return Optional.of(new Blackhole(server, fillers));
                    }
                }
            } catch (IOException e) {
                // refused or otherwise unusable: no blackhole on this platform
            }
            closeAll(server, fillers);
            return Optional.empty();
        }

        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() {
            closeAll(server, fillers);
        }

        private static void closeAll(ServerSocket server, List<Socket> fillers) {
            for (Socket s : fillers) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // test cleanup
                }
            }
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // test cleanup
                }
            }
        }
    }
}
