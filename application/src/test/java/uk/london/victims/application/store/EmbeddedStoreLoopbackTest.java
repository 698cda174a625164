package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mongo-java-server has no authentication, so the embedded store must be reachable from this machine
 * only (issue 12, item 11): it listens on loopback, and this machine's other addresses refuse.
 */
class EmbeddedStoreLoopbackTest {

    @TempDir
    Path data;

    @Test
    void theEmbeddedStoreListensOnLoopbackOnly() throws IOException {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0)) {
            assertThat(store.connectionString()).startsWith("mongodb://127.0.0.1:");
            int port = Integer.parseInt(store.connectionString().substring(store.connectionString().lastIndexOf(':') + 1));
            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                assertThat(local.isConnected()).isTrue();
            }
            Optional<InetAddress> external = externalAddress();
            assumeTrue(external.isPresent(), "this machine has no address but loopback to try from");
            assertThatThrownBy(() -> {
                try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(external.get(), port), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
