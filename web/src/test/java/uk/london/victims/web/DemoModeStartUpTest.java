package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 2, as an operator would meet it: the service started as a process, as {@code java -jar}
 * or the container image would start it. A blank {@code MONGODB_URI} once started the embedded store and
 * handed ADMIN tokens to anyone on every interface.
 */
class DemoModeStartUpTest {

    @TempDir
    Path data;

    @Test
    void aBlankMongoDbUriStopsStartUpWithAClearMessage() throws Exception {
        Path log = data.resolve("blank.log");
        Path store = data.resolve("store");
        ServiceProcess service = ServiceProcess.launch(log, Map.of("MONGODB_URI", ""), List.of("--vjt.store.data-directory=" + store));
        try {
            assertThat(service.awaitExit(Duration.ofSeconds(120))).as("exit code").isNotNull().isNotZero();
        } finally {
            service.close();
        }
        assertThat(Files.readString(log)).contains("MONGODB_URI is set but blank").doesNotContain("Demo mode");
        assertThat(store).as("the embedded store never started").doesNotExist();
    }

    @Test
    void theContainerImagesSettingTurnsDemoTokensOffAndWithNoIdentityProviderTheServiceDoesNotStart() throws Exception {
        assertThat(Files.readString(Path.of("..", "Dockerfile"))).as("the image turns demo mode off").contains("VJT_DEMO=false");
        Path log = data.resolve("image.log");
        ServiceProcess service = ServiceProcess.launch(log, Map.of("VJT_DEMO", "false"), List.of("--vjt.store.data-directory=" + data));
        try {
            assertThat(service.awaitExit(Duration.ofSeconds(120))).as("exit code").isNotNull().isNotZero();
        } finally {
            service.close();
        }
        assertThat(Files.readString(log)).contains("no token issuer configured and demo mode is off");
    }

    @Test
    void plainJavaJarIsTheDemoOnLoopbackOnlyAndSaysSo() throws Exception {
        Path log = data.resolve("demo.log");
        try (ServiceProcess service = ServiceProcess.launch(log, Map.of(), List.of("--vjt.store.data-directory=" + data,
                "--logging.level.uk.london.victims.web.security=INFO"))) {
            assertThat(service.becomesHealthy(Duration.ofSeconds(120))).as("healthy on 127.0.0.1").isTrue();
            assertThat(service.bearerToken("ADMIN")).isNotBlank();
            assertThat(Files.readString(log)).contains("Demo mode: listening on 127.0.0.1 only");
            Optional<InetAddress> other = nonLoopbackAddress();
            assumeThat(other).as("this machine has a non-loopback IPv4 address to try").isPresent();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other.get(), service.port()), 2000);
                throw new AssertionError("demo mode answered on " + other.get());
            } catch (IOException refused) {
                assertThat(refused).as("nothing listens on " + other.get()).isNotNull();
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(n -> {
            try {
                return n.isUp() && !n.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    }
}
