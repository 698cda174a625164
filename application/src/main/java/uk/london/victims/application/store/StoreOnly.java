package uk.london.victims.application.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded store on its own, so that several service instances can share it through
 * {@code MONGODB_URI} the way they would share a replica set (ADR 0013). It listens on loopback only: the
 * store has no authentication, so it must never be reachable from another machine.
 *
 * <p>It holds data and nothing else. It generates no vault master key and issues no tokens: instances
 * that share it run as they would on MongoDB, each given the same {@code VJT_VAULT_MASTER_KEY} and the
 * same identity provider explicitly, so no secret ever travels through the store.
 */
public final class StoreOnly {

    /** Printed once the store accepts connections; scripts and tests wait for it. */
    public static final String READY = "Store-only mode: listening on ";
    static final String ONLY_ARGUMENT = "--vjt.store.only=true";
    static final int DEFAULT_PORT = 27017;

    private StoreOnly() {
    }

    /** Whether the command line or {@code VJT_STORE_ONLY} asks for store-only mode. */
    public static boolean requested(String[] args, Map<String, String> environment) {
        for (String arg : args) {
            if (arg.equalsIgnoreCase(ONLY_ARGUMENT) || arg.equalsIgnoreCase("--vjt.store.only")) {
                return true;
            }
        }
        return "true".equalsIgnoreCase(environment.getOrDefault("VJT_STORE_ONLY", ""));
    }

    /** Runs until the process is stopped; a normal stop (SIGTERM, Ctrl-C) closes the store cleanly. */
    public static void run(String[] args, Map<String, String> environment) throws InterruptedException {
        Path dataDirectory = Path.of(setting(args, "--vjt.store.data-directory=", environment, "VJT_DATA_DIR", "./data"));
        // Port 0 would make every instance's MONGODB_URI unknowable in advance, so the default is Mongo's own.
        int port = Integer.parseInt(setting(args, "--vjt.store.embedded-port=", environment, "VJT_STORE_PORT",
                String.valueOf(DEFAULT_PORT)));
        EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDirectory, "127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-only-shutdown"));
        System.out.println(READY + store.connectionString() + " with data in " + store.file());
        System.out.flush();
        stopped.await();
    }

    private static String setting(String[] args, String prefix, Map<String, String> environment, String variable,
                                  String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
