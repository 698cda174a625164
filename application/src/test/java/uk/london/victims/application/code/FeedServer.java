package uk.london.victims.application.code;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/** A bank-holiday feed on loopback, standing in for GOV.UK: tests never reach outside this machine. */
final class FeedServer implements AutoCloseable {

    static final String PATH = "/bank-holidays.json";

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile boolean stall;

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                if (stall) {
                    // Bounded, so a failing test cannot leave the server thread waiting for ever.
                    released.await(10, TimeUnit.SECONDS);
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                          + PATH);
    }

    FeedServer serving(String json) {
        this.status = 200;
        this.body = json;
        return this;
    }

    FeedServer answering(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    FeedServer stalling() {
        this.stall = true;
        return this;
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    /** The whole GOV.UK feed: three divisions, each event with title, date, notes and bunting. */
    static String govUkFeed(Collection<LocalDate> englandAndWales) {
        return "{\"england-and-wales\":" + division("england-and-wales", englandAndWales)
               + ",\"scotland\":" + division("scotland", dates("2026-01-01", "2026-01-02", "2026-08-03"))
               + ",\"northern-ireland\":" + division("northern-ireland", dates("2026-03-17", "2026-07-13"))
               + "}";
    }

    private static String division(String name, Collection<LocalDate> dates) {
        return "{\"division\":\"" + name + "\",\"events\":[" + dates.stream()
                .map(date -> "{\"title\":\"Bank holiday\",\"date\":\"" + date
                             + "\",\"notes\":\"\",\"bunting\":true}")
                .collect(Collectors.joining(",")) + "]}";
    }

    static java.util.List<LocalDate> dates(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }
}
