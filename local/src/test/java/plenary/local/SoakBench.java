package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out deployment under a steady mixed load for {@code bench.minutes} (30): two command nodes and two query
 * nodes in their own JVMs, {@code bench.writers} delegations agreeing and withdrawing paragraphs (each command to the
 * other command node than the last, with an Idempotency-Key), readers on both query nodes and
 * {@code bench.subscribers} live clients per query node. Every minute it prints, from each node's /actuator/prometheus,
 * heap, live and database connections and the projection's lag, with the minute's commands and the latency from a
 * command sent to command node 1 until a subscriber on query node 2 has it. Heap, connections and lag should stay
 * flat. Run with {@code -Dtest=SoakBench -DexcludedGroups=none} (RabbitMQ's STOMP plugin needed).
 */
@Tag("bench")
class SoakBench {

    private static final int MINUTES = Integer.getInteger("bench.minutes", 30);
    private static final int WRITERS = Integer.getInteger("bench.writers", 4);
    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 20);
    private static final int RATE = Integer.getInteger("bench.rate", 5); // commands per second and writer

    @Test
    void heapConnectionsAndLagStayFlat() throws Exception {
        Rabbit.assumeStomp();
        try (Cluster cluster = new Cluster("soak")) {
            List<String> delegations = List.of("kaz", "tur", "tjk", "kgz", "aze", "afg", "irn", "pak").subList(0, WRITERS);
            String draft = seed(cluster, delegations);
            JsonNode doc = new Client(cluster.queries.get(0).port, "auditor").get("/api/drafts/" + draft).json();

            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            Map<Long, Long> seenAt = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
            AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), reads = new AtomicLong();
            AtomicLong received = new AtomicLong(), duplicates = new AtomicLong();
            List<LiveClient> clients = new ArrayList<>();
            AtomicLong lastSeen = new AtomicLong();
            LiveClient probe = new LiveClient(cluster.queries.get(1).port, "auditor");
            clients.add(probe);
            probe.subscribeToVersions("/topic/drafts." + draft, v -> {
                seenAt.putIfAbsent(v, System.nanoTime());
                if (v <= lastSeen.getAndSet(v)) {
                    duplicates.incrementAndGet();
                }
            });
            for (Cluster.Node node : cluster.queries) {
                for (int i = 0; i < SUBSCRIBERS; i++) {
                    LiveClient client = new LiveClient(node.port, "auditor");
                    client.subscribeToVersions("/topic/drafts." + draft, v -> received.incrementAndGet());
                    clients.add(client);
                }
            }

            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(WRITERS + 2);
            for (int w = 0; w < WRITERS; w++) {
                String writer = delegations.get(w);
                String path = "/api/drafts/" + draft + "/paragraphs/"
                        + doc.get("paragraphs").get(w).get("paragraphId").asText() + "/agreement";
                boolean probeWriter = w == 0;
                load.submit(() -> {
                    long i = 0;
                    while (running.get()) {
                        long started = System.nanoTime();
                        int node = probeWriter ? 0 : (int) (i % 2);
                        Client client = new Client(cluster.commands.get(node).port, writer).timeout(Duration.ofSeconds(30));
                        try {
                            Client.Response r = i % 2 == 0
                                    ? client.with("Idempotency-Key", UUID.randomUUID().toString())
                                            .postJson(path, Map.of("adReferendum", false))
                                    : client.send("DELETE", path, null, null);
                            long took = System.nanoTime() - started;
                            if (r.status() == 200) {
                                ok.incrementAndGet();
                                acks.add(took);
                                if (probeWriter) {
                                    sentAt.put(r.json().get("version").asLong(), started);
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (RuntimeException | AssertionError e) {
                            failed.incrementAndGet();
                        }
                        i++;
                        sleepUntil(started + TimeUnit.SECONDS.toNanos(1) / RATE);
                    }
                });
            }
            for (int r = 0; r < 2; r++) {
                int node = r;
                load.submit(() -> {
                    Client reader = new Client(cluster.queries.get(node).port, "auditor");
                    while (running.get()) {
                        long started = System.nanoTime();
                        try {
                            if (reader.get("/api/drafts/" + draft).status() == 200) {
                                reads.incrementAndGet();
                            }
                        } catch (RuntimeException | AssertionError ignored) {
                            // counted by what did get through
                        }
                        sleepUntil(started + TimeUnit.MILLISECONDS.toNanos(200));
                    }
                });
            }

            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            System.out.printf("BENCH soak start: %d writers at %d/s, %d subscribers per query node, 2+2 nodes, %d min%n",
                    WRITERS, RATE, SUBSCRIBERS, MINUTES);
            long begun = System.nanoTime();
            for (int minute = 1; minute <= MINUTES; minute++) {
                sleepUntil(begun + TimeUnit.MINUTES.toNanos(minute));
                List<Long> latencies = new ArrayList<>();
                sentAt.forEach((v, sent) -> {
                    Long seen = seenAt.get(v);
                    if (seen != null) {
                        latencies.add(seen - sent);
                        sentAt.remove(v);
                        seenAt.remove(v);
                    }
                });
                List<Long> minuteAcks = new ArrayList<>();
                for (Long a = acks.poll(); a != null; a = acks.poll()) {
                    minuteAcks.add(a);
                }
                StringBuilder nodes = new StringBuilder();
                for (Cluster.Node node : List.of(cluster.commands.get(0), cluster.commands.get(1),
                        cluster.queries.get(0), cluster.queries.get(1))) {
                    try {
                        nodes.append(String.format(" | %s%d heap %.0f MB db %.0f", node.side.charAt(0), node.number,
                                node.meter("jvm_memory_used_bytes", "area=\"heap\"") / 1e6,
                                node.meter("hikaricp_connections_active", null)));
                        if (node.side.equals("query")) {
                            nodes.append(String.format(" live %.0f lag %.0f", node.meter("plenary_live_connections", null),
                                    node.meter("plenary_projection_lag", null)));
                        }
                    } catch (RuntimeException | AssertionError e) {
                        nodes.append(" | ").append(node.side).append(node.number).append(" unreachable");
                    }
                }
                System.out.printf("BENCH soak minute %2d: commands %d ok %d failed, ack p50 %s p99 %s; node A command "
                                + "-> node B subscriber p50 %s p99 %s (%d); reads %d; deliveries %d%s | load %.1f%n",
                        minute, ok.get(), failed.get(), ms(minuteAcks, 0.5), ms(minuteAcks, 0.99),
                        ms(latencies, 0.5), ms(latencies, 0.99), latencies.size(), reads.get(), received.get(), nodes,
                        os.getSystemLoadAverage());
            }
            running.set(false);
            load.shutdown();
            load.awaitTermination(1, TimeUnit.MINUTES);
            clients.forEach(LiveClient::close);
            assertThat(failed.get()).as("commands refused or failed").isZero();
            assertThat(duplicates.get()).as("versions seen twice or out of order by the probe").isZero();
        }
    }

    private static String seed(Cluster cluster, List<String> delegations) throws Exception {
        Client secretariat = new Client(cluster.commands.get(0).port, "secretariat");
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown",
                java.nio.file.Files.readString(Drafts.SEED));
        String draft = imported.json().get("draftId").asText();
        long version = 1;
        for (String code : delegations) {
            version = secretariat.postJson("/api/drafts/" + draft + "/delegations", Map.of("code", code,
                    "name", "the delegation of " + code, "participation", "CONFIRMED")).json().get("version").asLong();
        }
        Client auditor = new Client(cluster.queries.get(0).port, "auditor");
        long wanted = version;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Client.Response r = auditor.get("/api/drafts/" + draft);
            return r.status() == 200 && r.json().get("version").asLong() >= wanted;
        });
        return draft;
    }

    private static String ms(List<Long> nanos, double quantile) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.1f ms", sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6);
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
