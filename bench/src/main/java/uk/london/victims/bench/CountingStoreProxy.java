package uk.london.victims.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP proxy between the service and its store that counts the commands the service sends, by command
 * and collection ({@code find case_timelines}), read from each MongoDB wire message (OP_MSG): the store
 * reads an idle page costs are counted where they happen, whatever code issues them.
 */
final class CountingStoreProxy implements AutoCloseable {

    private static final int OP_MSG = 2013;

    private final ServerSocket server;
    private final InetSocketAddress store;
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    CountingStoreProxy(InetSocketAddress store) throws IOException {
        this.store = store;
        this.server = new ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "store-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Commands counted so far, by "command collection". */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        commands.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(store.getAddress(), store.getPort());
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                daemon(() -> requests(client, upstream));
                daemon(() -> pump(upstream, client));
            } catch (IOException e) {
                if (open) {
                    System.err.println("store proxy: " + e);
                }
            }
        }
    }

    private void requests(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(client.getInputStream()); OutputStream out = upstream.getOutputStream()) {
            byte[] header = new byte[16];
            while (true) {
                in.readFully(header);
                ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                int length = h.getInt(0);
                byte[] body = new byte[length - 16];
                in.readFully(body);
                if (h.getInt(12) == OP_MSG) {
                    count(body);
                }
                out.write(header);
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            close(client, upstream);
        }
    }

    /** flags (4), section kind 0 (1), then the command document: size (4), type (1), name, value. */
    private void count(byte[] body) {
        if (body.length < 10 || body[4] != 0) {
            return;
        }
        int at = 5 + 4;
        byte type = body[at++];
        int end = at;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        String command = new String(body, at, end - at, StandardCharsets.UTF_8);
        String collection = "";
        if (type == 2 && end + 5 < body.length) {
            int size = ByteBuffer.wrap(body, end + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (size > 1 && end + 5 + size - 1 <= body.length) {
                collection = " " + new String(body, end + 5, size - 1, StandardCharsets.UTF_8);
            }
        }
        commands.computeIfAbsent(command + collection, k -> new LongAdder()).increment();
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            close(from, to);
        }
    }

    private static void close(Socket... sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already closed by the other direction.
            }
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "store-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
