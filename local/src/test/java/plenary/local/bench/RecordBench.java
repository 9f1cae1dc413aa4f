package plenary.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.Plenary;
import plenary.record.Checkpoint;
import plenary.record.HashChain;
import plenary.record.KeyFiles;
import plenary.record.KeyRing;
import plenary.record.MerkleLevels;
import plenary.record.MerkleTree;
import plenary.record.NoteKey;
import plenary.record.SignedCheckpoint;
import plenary.record.StoredEvent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the signed record costs on a 10,000-event draft (issue 14): the draft of {@link Negotiation}, built through
 * the command gateway with the default checkpoint every 100 events, then a revision. It reports the appends that
 * signed a checkpoint against those that did not; the record's work per event and per checkpoint, in this JVM; the
 * storage per event; then, from a client in another process ({@link HttpTimer}), inclusion and consistency proofs,
 * the checkpoint list, {@code /verify} and the export; and the offline verifier, run as an auditor runs it
 * ({@code java -jar record/target/plenary-record-exec.jar}). Prints BENCH lines; asserts only that every proof
 * verifies and every verdict is intact. The command is in the README.
 */
@Tag("bench")
class RecordBench {

    static final int EVENTS = Integer.getInteger("bench.events", 10_000);
    static final int RUNS = Integer.getInteger("bench.runs", 300);
    private final Random random = new Random(9162);

    @Test
    void theSignedRecordOfATenThousandEventDraft(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("record-key.pem");
        Path vkey = KeyFiles.verifierFile(key);
        NoteKey signer = KeyFiles.readOrGenerate("plenary", key);
        DevDatabase db = DevDatabase.forTests();
        try (Plenary plenary = Plenary.start(db, 0, 0, "plenary.record.key=" + key,
                "plenary.record.verifier-key=" + vkey)) {
            Client auditor = new Client(plenary.queryPort(), "auditor");
            List<long[]> appends = new ArrayList<>();
            CommandGateway gateway = timed(plenary.commandSide().getBean(CommandGateway.class), appends);
            long started = System.nanoTime();
            String draft = new Negotiation(gateway).run(EVENTS);
            double appended = (System.nanoTime() - started) / 1e9;
            JsonNode revision = new Client(plenary.commandPort(), "secretariat")
                    .postJson("/api/drafts/" + draft + "/revisions", java.util.Map.of()).json();
            long size = revision.get("version").asLong();
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    auditor.get("/api/drafts/" + draft).json().path("version").asLong() == size);

            JsonNode listed = auditor.get("/api/drafts/" + draft + "/checkpoints").json();
            List<Long> sizes = new ArrayList<>();
            listed.forEach(c -> sizes.add(c.get("treeSize").asLong()));
            assertThat(sizes.get(sizes.size() - 1)).isEqualTo(size);
            System.out.printf("%nBENCH signed record: a draft of %d events, %d checkpoints (every 100 events and the "
                    + "revision), appended through the gateway in %.1f s (%.0f events/s)%n", size, sizes.size(),
                    appended, appends.size() / appended);
            appendCosts(appends, new HashSet<>(sizes));
            recordWork(auditor, draft, signer);
            storage(db, draft, size);

            Path plan = dir.resolve("plan.tsv");
            String base = "/api/drafts/" + draft;
            List<String> lines = new ArrayList<>();
            lines.add("the first proof after start (reads every checkpoint)\t1\t0\t" + base + "/proof?version=1");
            lines.add("for comparison: the public key (no database)\t" + RUNS + "\t20\t/api/record/public-key");
            lines.add("for comparison: the revisions (one small read)\t" + RUNS + "\t20\t" + base + "/revisions");
            lines.add("inclusion proof, a random version, the last checkpoint\t" + RUNS + "\t20\t"
                    + join(RUNS, () -> base + "/proof?version=" + (1 + random.nextInt((int) size))));
            lines.add("inclusion proof against a random earlier checkpoint\t" + RUNS + "\t20\t" + join(RUNS, () -> {
                long tree = sizes.get(random.nextInt(sizes.size()));
                return base + "/proof?version=" + (1 + random.nextInt((int) tree)) + "&treeSize=" + tree;
            }));
            lines.add("consistency proof between two random checkpoints\t" + RUNS + "\t20\t" + join(RUNS, () -> {
                long a = sizes.get(random.nextInt(sizes.size()));
                long b = sizes.get(random.nextInt(sizes.size()));
                return base + "/consistency?from=" + Math.min(a, b) + "&to=" + Math.max(a, b);
            }));
            lines.add("the checkpoint list (" + sizes.size() + " signed notes)\t50\t5\t" + base + "/checkpoints");
            lines.add("/verify: chain, tree and every checkpoint of " + size + " events\t20\t3\t" + base + "/verify");
            lines.add("the export for the offline verifier (ndjson)\t20\t3\t" + base + "/events?format=ndjson");
            Files.write(plan, lines);
            external(plenary.queryPort(), plan);
            proofsVerify(auditor, draft, vkey, sizes);

            Path log = dir.resolve("draft.ndjson");
            Files.write(log, auditor.getBytes(base + "/events?format=ndjson"));
            Path last = dir.resolve("revision.checkpoint");
            Files.writeString(last, revision.get("checkpoint").asText());
            Path proof = dir.resolve("proof.json");
            Files.writeString(proof, auditor.get(base + "/proof?version=" + (size / 2)).body());
            offline("offline, --db: the draft and its checkpoint stream", "intact  " + draft, "--db", db.jdbcUrl(),
                    "--user", db.username(), "--password", db.password(), "--draft", draft, "--key", vkey.toString());
            offline("offline, --log: the export and the revision's checkpoint", "intact  " + draft, "--log",
                    log.toString(), "--key", vkey.toString(), "--checkpoint", last.toString());
            offline("offline, --proof: one version (mostly the JVM starting)", "included  " + draft, "--proof",
                    proof.toString(), "--key", vkey.toString());
        }
        db.close();
    }

    /** The gateway, timing each command until its events are committed (and signed, when a checkpoint is due). */
    private static CommandGateway timed(CommandGateway gateway, List<long[]> appends) {
        return (CommandGateway) Proxy.newProxyInstance(RecordBench.class.getClassLoader(),
                new Class<?>[]{CommandGateway.class}, (proxy, method, args) -> {
                    long started = System.nanoTime();
                    Object result;
                    try {
                        result = method.invoke(gateway, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("sendAndWait") && result != null && !(result instanceof String)) {
                        Method version = result.getClass().getMethod("version");
                        version.setAccessible(true);
                        appends.add(new long[]{((Number) version.invoke(result)).longValue(),
                                System.nanoTime() - started});
                    }
                    return result;
                });
    }

    private static void appendCosts(List<long[]> appends, Set<Long> checkpointed) {
        List<Long> signing = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        for (long[] append : appends.subList(Math.min(500, appends.size() / 10), appends.size())) {
            (checkpointed.contains(append[0]) ? signing : plain).add(append[1]);
        }
        print("a command that signed a checkpoint, until committed", signing);
        print("a command that did not", plain);
    }

    /** The record's own work, in this JVM: per event, per checkpoint signed, per checkpoint checked. */
    private static void recordWork(Client auditor, String draft, NoteKey signer) throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        for (String line : auditor.get("/api/drafts/" + draft + "/events?format=ndjson").body().lines().toList()) {
            events.add(StoredEvent.fromLine(line));
        }
        List<byte[]> leaves = new ArrayList<>();
        long[] perEvent = new long[5];
        for (int round = 0; round < perEvent.length; round++) {
            leaves.clear();
            long t = System.nanoTime();
            String head = HashChain.GENESIS;
            for (StoredEvent event : events) {
                head = HashChain.link(head, event);
                leaves.add(MerkleTree.leafHash(HashChain.entry(event)));
            }
            perEvent[round] = (System.nanoTime() - t) / events.size();
        }
        Arrays.sort(perEvent);
        System.out.printf("BENCH per event appended: canonical form, chain link and leaf hash %.1f µs (median of %d "
                + "passes over %d events)%n", perEvent[perEvent.length / 2] / 1e3, perEvent.length, events.size());

        MerkleLevels tree = null;
        long[] build = new long[5];
        for (int round = 0; round < build.length; round++) {
            long t = System.nanoTime();
            tree = MerkleLevels.of(leaves);
            build[round] = System.nanoTime() - t;
        }
        Arrays.sort(build);
        System.out.printf("BENCH the whole tree of %d leaves kept for proofs: built in %.1f ms, %d KB%n",
                leaves.size(), build[2] / 1e6, leaves.size() * 2L * MerkleTree.HASH_SIZE / 1024);

        Checkpoint checkpoint = Checkpoint.of(draft, leaves.size(), tree.root(leaves.size()),
                SignedCheckpoint.extensions(Instant.now(), null, Optional.empty()));
        KeyRing ring = new KeyRing(List.of(signer.verifier()));
        long[] sign = new long[1000];
        long[] verify = new long[1000];
        for (int i = -200; i < sign.length; i++) {
            long t = System.nanoTime();
            SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, List.of(signer));
            long signedAt = System.nanoTime();
            assertThat(ring.judge(signed).accepted()).isTrue();
            if (i >= 0) {
                sign[i] = signedAt - t;
                verify[i] = System.nanoTime() - signedAt;
            }
        }
        Arrays.sort(sign);
        Arrays.sort(verify);
        System.out.printf("BENCH per checkpoint: Ed25519 signature of the note %.0f µs, its check %.0f µs (medians "
                + "of 1,000)%n", sign[500] / 1e3, verify[500] / 1e3);
    }

    private static void storage(DevDatabase db, String draft, long size) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("""
                     SELECT count(*), sum(pg_column_size(e.*)), sum(length(convert_from(metaData, 'UTF8'))),
                            sum(octet_length(convert_from(metaData, 'UTF8'))
                                - octet_length(regexp_replace(convert_from(metaData, 'UTF8'),
                                                              ',?"(hash|checkpoint)":"([^"\\\\]|\\\\.)*"', '', 'g')))
                     FROM DomainEventEntry e WHERE aggregateIdentifier = ?""")) {
            long[] events = row(s, draft);
            long[] checkpoints = row(s, "checkpoints/" + draft);
            System.out.printf("BENCH storage: %d events take %.0f bytes each in the event table, of which the chain "
                            + "hash and carried checkpoints %.0f; the checkpoint stream (%d notes and every leaf hash) "
                            + "adds %.0f bytes per event%n", events[0], (double) events[1] / events[0],
                    (double) events[3] / events[0], checkpoints[0], (double) checkpoints[1] / size);
        }
    }

    private static long[] row(PreparedStatement s, String aggregate) throws Exception {
        s.setString(1, aggregate);
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    /** Every timed request again, checked: each proof verifies against its signed checkpoint. */
    private static void proofsVerify(Client auditor, String draft, Path vkey, List<Long> sizes) throws Exception {
        KeyRing ring = new KeyRing(KeyFiles.verifiers(vkey.toString()));
        Random random = new Random(14);
        long last = sizes.get(sizes.size() - 1);
        for (int i = 0; i < 50; i++) {
            long version = 1 + random.nextInt((int) last);
            JsonNode proof = auditor.get("/api/drafts/" + draft + "/proof?version=" + version).json();
            SignedCheckpoint checkpoint = SignedCheckpoint.parse(proof.get("checkpoint").asText());
            assertThat(ring.judge(checkpoint).accepted()).isTrue();
            assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(Base64.getDecoder().decode(
                            proof.get("entry").asText())), version - 1, last, hashes(proof.get("inclusionPath")),
                    checkpoint.checkpoint().rootHash())).as("version %d", version).isTrue();
            long from = sizes.get(random.nextInt(sizes.size()));
            JsonNode consistency = auditor.get("/api/drafts/" + draft + "/consistency?from=" + from).json();
            assertThat(MerkleTree.verifyConsistency(from, last,
                    SignedCheckpoint.parse(consistency.get("fromCheckpoint").asText()).checkpoint().rootHash(),
                    checkpoint.checkpoint().rootHash(), hashes(consistency.get("consistencyPath"))))
                    .as("from %d", from).isTrue();
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
        return hashes;
    }

    private static void external(int port, Path plan) throws Exception {
        Process client = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                HttpTimer.class.getName(), "http://localhost:" + port, "auditor", plan.toString())
                .redirectErrorStream(true).start();
        String out = new String(client.getInputStream().readAllBytes());
        assertThat(client.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.print(out);
        assertThat(client.exitValue()).as(out).isZero();
    }

    /** The offline verifier as an auditor runs it: its own JVM, from the jar the build makes. */
    private static void offline(String what, String expected, String... args) throws Exception {
        Path jar = Path.of("../record/target/plenary-record-exec.jar");
        List<String> command = new ArrayList<>(List.of(java()));
        if (Files.exists(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "plenary.record.Verify"));
        }
        command.addAll(List.of(args));
        long[] nanos = new long[3];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Process verifier = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(verifier.getInputStream().readAllBytes());
            assertThat(verifier.waitFor(10, TimeUnit.MINUTES)).isTrue();
            nanos[i] = System.nanoTime() - t;
            assertThat(verifier.exitValue()).as(out).isZero();
            assertThat(out).contains(expected);
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH %-58s median %7.2f s  min %7.2f s  max %7.2f s  (3 runs, JVM start included)%n",
                what, nanos[1] / 1e9, nanos[0] / 1e9, nanos[2] / 1e9);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String join(int n, java.util.function.Supplier<String> path) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paths.add(path.get());
        }
        return String.join(" ", paths);
    }

    private static void print(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        System.out.printf("BENCH %-58s p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  (%d commands)%n", what,
                sorted[(sorted.length - 1) / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
