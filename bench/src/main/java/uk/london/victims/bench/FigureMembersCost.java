package uk.london.victims.bench;

import static com.mongodb.client.model.Filters.eq;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import uk.london.victims.application.store.EmbeddedMongoStore;
import uk.london.victims.projections.ledger.FigureMembers;

/**
 * What a figure document's members cost the embedded store and the driver, as a nested document (a field per case)
 * and as bytes (ADR 0058): a busy day's document, its cells stood in for by binary values of the same size, read by
 * {@code _id} and replaced durably, as the ledger's batches do, rounds of each form alternating in one JVM so that
 * the ratio holds on a noisy machine. Prints the process's CPU per read-and-replace.
 * {@code java -cp … uk.london.victims.bench.FigureMembersCost [CASES] [ROUNDS] [WRITES_PER_ROUND]}.
 */
public final class FigureMembersCost {

    private FigureMembersCost() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int writes = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path data = Files.createTempDirectory("vjt-members-");
        Random random = new Random(20251);
        Map<String, Long> members = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            members.put(UUID.nameUUIDFromBytes(("case" + i).getBytes()).toString(), (long) random.nextInt(40));
        }
        byte[] cells = new byte[15_000];
        random.nextBytes(cells);
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0, EmbeddedMongoStore.Tuning.forThisHeap());
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> figures = client.getDatabase("members").getCollection("figures");
            Map<String, Double> cpuMs = new TreeMap<>();
            for (int round = 0; round <= rounds; round++) {
                for (String form : new String[] {"nested", "bytes"}) {
                    long cpu = processCpuNanos();
                    for (int i = 0; i < writes; i++) {
                        String id = "2025-03-0" + (i % 7 + 1) + "|" + form;
                        Document stored = figures.find(eq("_id", id)).first();
                        Map<String, Long> read = new TreeMap<>();
                        if (stored != null) {
                            FigureMembers.readInto(stored.get("members"), read);
                        } else {
                            read.putAll(members);
                        }
                        String changed = members.keySet().stream().skip(i % cases).findFirst().orElseThrow();
                        read.merge(changed, 1L, Long::sum);
                        Document next = new Document("_id", id)
                                .append("members", "nested".equals(form) ? new Document(new TreeMap<>(read)) : FigureMembers.encode(read))
                                .append("cells", new Document("ALL", new Binary(cells)).append("RIGHT", new Binary(cells)));
                        figures.replaceOne(eq("_id", id), next, new com.mongodb.client.model.ReplaceOptions().upsert(true));
                    }
                    double ms = (processCpuNanos() - cpu) / 1e6 / writes;
                    if (round > 0) { // the first round of each warms the JIT
                        cpuMs.merge(form, ms, Double::sum);
                        System.out.printf("members-cost: round %d %-6s %.3f ms CPU per read-and-replace%n", round, form, ms);
                    }
                }
            }
            double nested = cpuMs.get("nested") / rounds;
            double bytes = cpuMs.get("bytes") / rounds;
            System.out.printf("members-cost: %d cases, mean of %d rounds of %d: nested %.3f ms, bytes %.3f ms, ratio %.2f%n",
                    cases, rounds, writes, nested, bytes, bytes / nested);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
