package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The faults the scaled-out deployment survives, each on the nodes as separate JVMs (kill -9 is a real kill) and one
 * shared startup: a command node dies under keyed writers who retry on the other node; the query node that projects
 * dies under live subscribers who reconnect to the other; the database restarts under load. The database is a
 * private PostgreSQL cluster of this test ({@link PrivatePostgres}) and the broker a private RabbitMQ node
 * ({@link PrivateRabbit}), so restarting them disturbs no one else. Each prints how long the failover took
 * ("FAILOVER ...").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutFaultIT {

    static PrivatePostgres pg;
    static PrivateRabbit rabbit;
    static Cluster cluster;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        // both at once: a RabbitMQ node takes some 20 s to start on a loaded machine
        java.util.concurrent.CompletableFuture<PrivateRabbit> broker = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return PrivateRabbit.start();
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
        try {
            pg = PrivatePostgres.start();
        } finally {
            try {
                rabbit = broker.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof org.opentest4j.TestAbortedException aborted) {
                    throw aborted;
                }
                throw e;
            }
        }
        cluster = new Cluster("faults", pg.url(), "postgres", "", "127.0.0.1", rabbit.stompPort);
        Client secretariat = new Client(cluster.commands.get(0).port, "secretariat");
        draft = secretariat.post("/api/drafts/import", "text/markdown", java.nio.file.Files.readString(Drafts.SEED))
                .json().get("draftId").asText();
        for (String code : List.of("kaz", "tur", "tjk", "kgz")) {
            assertThat(secretariat.postJson("/api/drafts/" + draft + "/delegations", Map.of("code", code,
                    "name", "the delegation of " + code, "participation", "CONFIRMED")).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (pg != null) {
            pg.close();
        }
        if (rabbit != null) {
            rabbit.close();
        }
    }

    /** A keyed command, sent until some node answers it, switching node after each failure. */
    private static final class Writer {
        final String user;
        int node;
        final List<String> acknowledged = new ArrayList<>();
        final List<Integer> refusals = new ArrayList<>();
        long firstFailure;
        long recoveredAfter = -1;

        Writer(String user, int node) {
            this.user = user;
            this.node = node;
        }

        void send(String text) throws InterruptedException {
            String key = UUID.randomUUID().toString();
            while (true) {
                try {
                    Client.Response r = new Client(cluster.commands.get(node).port, user).timeout(Duration.ofSeconds(20))
                            .with("Idempotency-Key", key).postJson("/api/drafts/" + draft + "/paragraphs",
                                    Map.of("section", "OPERATIVE", "text", text));
                    if (r.status() == 201 || r.status() == 200) {
                        acknowledged.add(text);
                        if (firstFailure != 0 && recoveredAfter < 0) {
                            recoveredAfter = System.nanoTime() - firstFailure;
                        }
                        return;
                    }
                    if (r.status() != 503) {
                        refusals.add(r.status()); // a refusal the client did not cause
                        return;
                    }
                } catch (AssertionError | Client.TimedOut e) {
                    // the node is gone or did not answer: the other one will
                }
                if (firstFailure == 0) {
                    firstFailure = System.nanoTime();
                }
                node = 1 - node;
                Thread.sleep(100);
            }
        }
    }

    @Test
    @Order(1)
    void aCommandNodeDiesWhileKeyedWritersRetryOnTheOther() throws Exception {
        int each = Integer.getInteger("faults.commands", 40);
        List<Writer> writers = List.of(new Writer("kaz", 0), new Writer("tur", 1), new Writer("tjk", 0),
                new Writer("kgz", 1));
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Future<?>> running = new ArrayList<>();
        for (Writer w : writers) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    w.send(w.user + " proposes paragraph " + i);
                    sent.incrementAndGet();
                }
                return null;
            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= writers.size() * each / 3);
        long killed = System.nanoTime();
        cluster.commands.get(1).kill();
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long failover = writers.stream().mapToLong(w -> w.recoveredAfter).max().orElse(-1);
        System.out.printf("FAILOVER command node: killed after %d of %d commands; the slowest writer's first failed"
                + " request was carried out on the other node %d ms after it failed%n", writers.size() * each / 3,
                writers.size() * each, failover / 1_000_000);

        for (Writer w : writers) {
            assertThat(w.refusals).as("refusals %s met", w.user).isEmpty();
            assertThat(w.acknowledged).hasSize(each);
        }
        // every acknowledged command in the record exactly once, the chain intact
        Client auditor = new Client(cluster.queries.get(0).port, "auditor");
        long version = 5 + (long) writers.size() * each;
        await().atMost(Duration.ofSeconds(60)).until(() ->
                auditor.get("/api/drafts/" + draft).json().get("version").asLong() >= version);
        JsonNode events = auditor.get("/api/drafts/" + draft + "/events?after=0").json();
        assertThat(events).hasSize((int) version);
        Map<String, Integer> recorded = new HashMap<>();
        for (JsonNode e : events) {
            for (Writer w : writers) {
                for (String text : w.acknowledged) {
                    if (e.toString().contains("\"" + text + "\"")) {
                        recorded.merge(text, 1, Integer::sum);
                    }
                }
            }
        }
        for (Writer w : writers) {
            for (String text : w.acknowledged) {
                assertThat(recorded.get(text)).as("events recording " + text).isEqualTo(1);
            }
        }
        JsonNode verified = auditor.get("/api/drafts/" + draft + "/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(killed).isPositive();
    }

    /** Follows the draft live on one node; when that node goes, reconnects to the other and catches up. */
    private static final class Follower {
        final List<Long> applied = Collections.synchronizedList(new ArrayList<>());
        volatile long last;
        volatile int node;
        LiveClient live;

        Follower(int node) throws Exception {
            connect(node);
        }

        void connect(int node) throws Exception {
            this.node = node;
            if (live != null) {
                live.close();
            }
            live = new LiveClient(cluster.queries.get(node).port, "auditor");
            live.subscribeToVersions("/topic/drafts." + draft, this::onLive);
            catchUp();
        }

        /** Connects again until the node (and the broker behind it) takes the subscription, then catches up. */
        void reconnect(int node, Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                try {
                    connect(node);
                    return;
                } catch (Exception | AssertionError e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("could not reconnect to query node " + node, e);
                    }
                    Thread.sleep(500);
                }
            }
        }

        synchronized void onLive(long version) {
            if (version == last + 1) {
                applied.add(version);
                last = version;
            } else if (version > last + 1) {
                catchUp(); // the read model has every version that was published
                if (version == last + 1) {
                    applied.add(version);
                    last = version;
                }
            }
        }

        synchronized void catchUp() {
            JsonNode missed = new Client(cluster.queries.get(node).port, "auditor")
                    .get("/api/drafts/" + draft + "/events?after=" + last).json();
            for (JsonNode e : missed) {
                long v = e.get("version").asLong();
                if (v == last + 1) {
                    applied.add(v);
                    last = v;
                }
            }
        }
    }

    @Test
    @Order(2)
    void theProjectingQueryNodeDiesWhileSubscribersFollow() throws Exception {
        int dead = projectingNode();
        int alive = 1 - dead;
        long base = new Client(cluster.queries.get(alive).port, "auditor").get("/api/drafts/" + draft).json()
                .get("version").asLong();
        List<Follower> followers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            followers.add(new Follower(i % 2));
        }
        // a member of the room on the node that will die, watched from the other
        LiveClient member = new LiveClient(cluster.queries.get(dead).port, "kaz");
        member.subscribe("/topic/drafts." + draft);
        BlockingQueue<JsonNode> room = new LinkedBlockingQueue<>();
        Map<JsonNode, Long> arrived = new ConcurrentHashMap<>();
        LiveClient watcher = new LiveClient(cluster.queries.get(alive).port, "chair");
        watcher.subscribe("/topic/drafts." + draft + ".presence", (JsonNode update) -> {
            arrived.put(update, System.nanoTime());
            room.add(update);
        });

        Writer writer = new Writer("tjk", 0);
        for (int i = 0; i < 10; i++) {
            writer.send("tjk before the query node dies " + i);
        }
        long killed = System.nanoTime();
        cluster.queries.get(dead).kill();
        long firstAfter = 0;
        for (int i = 0; i < 20; i++) {
            writer.send("tjk after the query node died " + i);
            if (i == 0) {
                firstAfter = System.nanoTime();
            }
        }
        Client reader = new Client(cluster.queries.get(alive).port, "auditor");
        long finalVersion = base + 30;
        await().atMost(Duration.ofSeconds(60)).until(() ->
                reader.get("/api/drafts/" + draft).json().get("version").asLong() >= finalVersion);
        long projected = System.nanoTime();
        System.out.printf("FAILOVER projection: the node that projected was killed; the other had projected every event "
                + "recorded after it within %d ms of the kill (first command after the kill acknowledged %d ms after it)%n",
                (projected - killed) / 1_000_000, (firstAfter - killed) / 1_000_000);

        // presence: the dead node's member leaves the room within the heartbeat time
        JsonNode left;
        do {
            left = room.poll(15, TimeUnit.SECONDS);
            assertThat(left).as("kaz leaves the room").isNotNull();
        } while (!("LEFT".equals(left.get("change").asText()) && "kaz".equals(left.at("/member/user").asText())));
        long gone = arrived.get(left) - killed;
        System.out.printf("FAILOVER query node: its room members left within %d ms of the kill%n", gone / 1_000_000);
        assertThat(gone).isLessThan(TimeUnit.SECONDS.toNanos(10));

        // the followers of the dead node reconnect to the other and catch up: every version once, in order
        for (Follower f : followers) {
            if (f.node == dead) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !f.live.connected());
                f.connect(alive);
            }
        }
        for (Follower f : followers) {
            await().atMost(Duration.ofSeconds(30)).until(() -> f.last >= finalVersion);
            assertThat(f.applied).containsExactlyElementsOf(LongStream.rangeClosed(1, f.last).boxed().toList());
            f.live.close();
        }
        watcher.close();
        cluster.queries.get(dead).start();
        cluster.queries.get(dead).awaitReady();
    }

    @Test
    @Order(4)
    void theBrokerRestartsUnderLiveLoad() throws Exception {
        Client reader = new Client(cluster.queries.get(0).port, "auditor");
        List<Follower> followers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            followers.add(new Follower(i % 2));
        }
        // a writer keeps recording through the outage: commands do not need the broker
        Writer writer = new Writer("tur", 0);
        AtomicInteger written = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> writes = pool.submit(() -> {
            for (int i = 0; writing.get() || i < 10; i++) {
                writer.send("tur while the broker restarts " + i);
                written.incrementAndGet();
                Thread.sleep(150);
            }
            return null;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= 10);

        long stopping = System.nanoTime();
        rabbit.down();
        long down = System.nanoTime();
        // every live client is told: an ERROR frame or its connection closed
        long told = 0;
        for (Follower f : followers) {
            String error = f.live.errors.poll(30, TimeUnit.SECONDS);
            assertThat(error).as("a live client is told the broker went away").isNotNull();
            told = Math.max(told, f.live.lastErrorAt - stopping);
        }
        // readiness reports the outage while it lasts, on both query nodes
        await().atMost(Duration.ofSeconds(20)).until(() -> !cluster.queries.get(0).ready() && !cluster.queries.get(1).ready());
        long unready = System.nanoTime() - down;
        String health = Client.anonymous(cluster.queries.get(0).port).get("/actuator/health/readiness").body();
        assertThat(health).contains("\"broker\"").contains("DOWN");
        assertThat(cluster.queries.get(0).meter("plenary_live_broker_available", null)).isZero();
        int duringOutage = written.get();

        rabbit.up();
        long up = System.nanoTime();
        // the relay reconnects by itself, and readiness follows
        await().atMost(Duration.ofSeconds(60)).until(() -> cluster.queries.get(0).ready() && cluster.queries.get(1).ready());
        long ready = System.nanoTime() - up;
        for (Follower f : followers) {
            f.reconnect(f.node, Duration.ofSeconds(60));
        }
        long reconnected = System.nanoTime() - up;
        writing.set(false);
        writes.get(3, TimeUnit.MINUTES);
        pool.shutdown();
        String lastWritten = "\"" + writer.acknowledged.get(writer.acknowledged.size() - 1) + "\"";
        await().atMost(Duration.ofSeconds(60)).until(() ->
                reader.get("/api/drafts/" + draft + "/events?after=0").json().toString().contains(lastWritten));
        long caughtUpBy = reader.get("/api/drafts/" + draft).json().get("version").asLong();
        for (Follower f : followers) {
            await().atMost(Duration.ofSeconds(60)).until(() -> f.last >= caughtUpBy);
            assertThat(f.applied).containsExactlyElementsOf(LongStream.rangeClosed(1, f.last).boxed().toList());
        }
        long caughtUp = System.nanoTime() - up;
        System.out.printf("FAILOVER broker restart (stopping took %d ms, down %d ms, %d commands recorded meanwhile): "
                        + "every live client told within %d ms of the stop, both query nodes not ready %d ms after it; "
                        + "after it was back both ready in %d ms, the clients reconnected in %d ms and had every "
                        + "version once, in order, after %d ms%n", (down - stopping) / 1_000_000,
                (up - down) / 1_000_000, duringOutage - 10, told / 1_000_000, unready / 1_000_000, ready / 1_000_000,
                reconnected / 1_000_000, caughtUp / 1_000_000);

        // nothing acknowledged was lost, the chain intact
        assertThat(writer.refusals).isEmpty();
        String record = reader.get("/api/drafts/" + draft + "/events?after=0").json().toString();
        for (String text : writer.acknowledged) {
            assertThat(record).contains("\"" + text + "\"");
        }
        assertThat(reader.get("/api/drafts/" + draft + "/verify").json().get("intact").asBoolean()).isTrue();
        // and live delivery works again end to end: a new change reaches a follower on each node
        writer.send("tur after the broker is back");
        for (Follower f : followers) {
            await().atMost(Duration.ofSeconds(30)).until(() -> f.last >= caughtUpBy + 1);
            assertThat(f.applied).containsExactlyElementsOf(LongStream.rangeClosed(1, f.last).boxed().toList());
            f.live.close();
        }
    }

    /**
     * A silence procedure started on one command node, which is then killed: the other node fires its deadline, once,
     * although the draft it holds in memory is from before the procedure started.
     */
    @Test
    @Order(5)
    void aDeadlineFiresOnceWhenTheNodeThatScheduledItIsGone() throws Exception {
        Cluster.Node a = cluster.commands.get(1);
        Cluster.Node b = cluster.commands.get(0);
        if (a.process == null || !a.process.isAlive()) {
            a.start();
            a.awaitReady();
        }
        Client onB = new Client(b.port, "secretariat");
        String silent = onB.post("/api/drafts/import", "text/markdown",
                "(i) We, the representatives of [the Islamic Republic of Iran],\n\n1. Decide to cooperate.\n")
                .json().get("draftId").asText();
        // node B holds the draft in memory at version 2
        assertThat(onB.postJson("/api/drafts/" + silent + "/delegations", Map.of("code", "irn",
                "name", "the Islamic Republic of Iran", "participation", "PENDING")).status()).isEqualTo(200);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(8);
        Client.Response started = new Client(a.port, "secretariat").postJson("/api/drafts/" + silent
                + "/silence-procedures", Map.of("deadline", deadline.toString(), "subject", "PARTICIPATION"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        a.kill();

        Client auditor = new Client(cluster.queries.get(0).port, "auditor");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> "CONCLUDED"
                .equals(auditor.get("/api/drafts/" + silent).json().at("/silenceProcedure/state").asText()));
        long late = Duration.between(deadline, java.time.Instant.now()).toMillis();
        System.out.printf("FAILOVER deadline: scheduled on a command node killed before it was due, fired by the other"
                + " node and in the read model %d ms after its instant%n", late);
        Thread.sleep(3000); // time for a second firing, if there were one
        JsonNode events = auditor.get("/api/drafts/" + silent + "/events?after=0").json();
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("DraftImported", "DelegationAdmitted", "SilenceProcedureStarted",
                "SilenceProcedureConcluded");
        assertThat(events.get(3).at("/actor/user").asText()).isEqualTo("secretariat");
        assertThat(auditor.get("/api/drafts/" + silent).json().at("/participants/0/participation").asText())
                .isEqualTo("CONFIRMED");
        // node B goes on from the concluded draft: no conflict nobody caused
        Client.Response after = onB.postJson("/api/drafts/" + silent + "/revisions", Map.of("label", "Rev.1"));
        assertThat(after.status()).as(after.body()).isBetween(200, 201);
        assertThat(after.json().get("version").asLong()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                auditor.get("/api/drafts/" + silent).json().get("version").asLong() >= 5);
        assertThat(auditor.get("/api/drafts/" + silent + "/verify").json().get("intact").asBoolean()).isTrue();
    }

    /** The query node whose processor holds the projection's token, found by its process id in the owner name. */
    private static int projectingNode() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT owner FROM tokenentry WHERE processorname = 'drafts' AND owner IS NOT NULL")) {
            assertThat(rs.next()).as("a node owns the projection").isTrue();
            String owner = rs.getString(1);
            for (int i = 0; i < 2; i++) {
                if (owner.startsWith(cluster.queries.get(i).process.pid() + "@")) {
                    return i;
                }
            }
            throw new AssertionError("no query node owns " + owner);
        }
    }

    @Test
    @Order(3)
    void theDatabaseRestartsUnderLoad() throws Exception {
        Cluster.Node command = cluster.commands.get(0);
        Cluster.Node query = cluster.queries.get(0);
        Writer writer = new Writer("kgz", 0);
        writer.send("kgz before the restart");

        pg.down();
        long down = System.nanoTime();
        // commands fail fast with 503 and Retry-After; readiness says so
        Client kgz = new Client(command.port, "kgz").timeout(Duration.ofSeconds(20));
        long asked = System.nanoTime();
        Client.Response refused = kgz.with("Idempotency-Key", UUID.randomUUID().toString())
                .postJson("/api/drafts/" + draft + "/paragraphs", Map.of("section", "OPERATIVE", "text", "never"));
        long answeredIn = System.nanoTime() - asked;
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        Client.Response plain = kgz.postJson("/api/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "never either"));
        assertThat(plain.status()).as(plain.body()).isEqualTo(503);
        assertThat(plain.header("Retry-After")).isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> !command.ready() && !query.ready());
        System.out.printf("FAULT database down: a command answered 503 with Retry-After in %d ms; both sides not ready%n",
                answeredIn / 1_000_000);

        Thread.sleep(3000);
        pg.up();
        long up = System.nanoTime();
        AtomicLong commandBack = new AtomicLong();
        writer.firstFailure = 0;
        writer.send("kgz after the restart");
        commandBack.set(System.nanoTime() - up);
        Client reader = new Client(query.port, "auditor");
        await().atMost(Duration.ofSeconds(30)).until(() -> command.ready() && query.ready());
        long ready = System.nanoTime() - up;
        long wanted = new Client(cluster.queries.get(1).port, "auditor").get("/api/drafts/" + draft + "/events?after=0")
                .json().size();
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.get("/api/drafts/" + draft + "/events?after=0")
                .json().toString().contains("kgz after the restart"));
        long caughtUp = System.nanoTime() - up;
        System.out.printf("FAILOVER database restart (down %d ms): a command recorded %d ms after it was back, both "
                        + "sides ready after %d ms, the read model had the new command after %d ms%n",
                (up - down) / 1_000_000, commandBack.get() / 1_000_000, ready / 1_000_000, caughtUp / 1_000_000);
        assertThat(ready).isLessThan(TimeUnit.SECONDS.toNanos(30));
        assertThat(caughtUp).isLessThan(TimeUnit.SECONDS.toNanos(30));
        assertThat(writer.refusals).isEmpty();

        // nothing acknowledged was lost, nothing refused was recorded
        String record = reader.get("/api/drafts/" + draft + "/events?after=0").json().toString();
        assertThat(record).contains("kgz before the restart", "kgz after the restart")
                .doesNotContain("\"never\"", "never either");
        assertThat(wanted).isPositive();
        assertThat(reader.get("/api/drafts/" + draft + "/verify").json().get("intact").asBoolean()).isTrue();
    }
}
