package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import plenary.devdb.DevDatabase;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generated requests against every command and query endpoint (issue 10): mutated and mistyped JSON, huge and empty
 * values, control characters, odd encodings of paths, wrong content types, and every role. Whatever comes, the answer
 * is never a 5xx, every refusal is problem+json and records nothing, and afterwards every draft's read model is at
 * its record's version and every export of it is well-formed. A few hundred requests run in the normal suite
 * ({@code -Dfuzz.tries}); {@link FuzzBench} sends ten thousand.
 */
class FuzzTest {

    static final String[] USERS = {"secretariat", "chair", "auditor", "observer", "kaz", "kgz", "tjk", "tur", "nobody",
            "anonymous"};

    static DevDatabase db;
    static Plenary plenary;
    static final List<String> DRAFTS = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final Map<String, Integer> SUCCEEDED = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final Map<String, String> REFUSED = new java.util.concurrent.ConcurrentSkipListMap<>();
    static long startedAt;

    @BeforeContainer
    static void start() throws Exception {
        db = DevDatabase.forTests();
        plenary = Plenary.start(db, 0, 0);
        DRAFTS.clear();
        Drafts drafts = new Drafts(plenary);
        DRAFTS.add(drafts.seed("kaz", "kgz"));
        DRAFTS.add(drafts.seed("kaz"));
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        DRAFTS.add(secretariat.post("/api/drafts/import", "text/markdown", "1. Parties [shall][should] act.\n")
                .json().get("draftId").asText());
        STATUSES.clear();
        SUCCEEDED.clear();
        REFUSED.clear();
        startedAt = System.nanoTime();
    }

    @AfterContainer
    static void everyDraftIsCaughtUpAndExportsWell() throws Exception {
        int requests = STATUSES.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("BENCH fuzz: %d requests in %.1f s, answers by status %s; load average %.2f%n", requests,
                (System.nanoTime() - startedAt) / 1e9, STATUSES,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCH fuzz: %d drafts at the end; 2xx by endpoint %s%n", DRAFTS.size(), SUCCEEDED);
        REFUSED.forEach((what, example) -> System.out.println("fuzz: shaped, refused: " + what + " e.g. " + example));
        try {
            Client auditor = new Client(plenary.queryPort(), "auditor");
            List<String> all = new ArrayList<>();
            auditor.get("/api/drafts").json().forEach(d -> all.add(d.get("draftId").asText()));
            for (String d : all) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Client.Response r = auditor.get("/api/drafts/" + d);
                    return r.status() == 200 && r.header("Plenary-Behind") == null
                            && r.header("Plenary-Record-Version").equals(r.json().get("version").asText());
                });
                assertThat(auditor.get("/api/drafts/" + d + "/verify").json().get("intact").asBoolean()).as(d).isTrue();
                assertThat(auditor.get("/api/drafts/" + d + "/text?format=markdown").status()).isEqualTo(200);
                for (String format : List.of("html", "akn")) {
                    byte[] xml = auditor.getBytes("/api/drafts/" + d + "/text?format=" + format);
                    if (format.equals("akn")) {
                        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
                    } else {
                        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("</html>");
                    }
                }
                byte[] docx = auditor.getBytes("/api/drafts/" + d + "/text?format=docx");
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
                    assertThat(zip.getNextEntry()).as("a DOCX is a zip").isNotNull();
                }
                assertThat(new String(auditor.getBytes("/api/drafts/" + d + "/text?format=pdf"), 0, 5,
                        StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            }
        } finally {
            plenary.close();
        }
    }

    /** One generated request. */
    record Call(String user, String method, boolean command, String path, String contentType, byte[] body,
                Map<String, String> headers, String endpoint, int seed) {

        Call(String user, String method, boolean command, String path, String contentType, byte[] body,
             Map<String, String> headers) {
            this(user, method, command, path, contentType, body, headers, null, 0);
        }

        /** Shaped: its ids, quotes and version are taken from the draft as it stands when the call is sent. */
        boolean shaped() {
            return endpoint != null;
        }

        @Override
        public String toString() {
            return user + " " + method + " " + (command ? "command" : "query") + path + " [" + contentType + "] "
                    + (body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 300)
    void noInputBreaksPlenary(@ForAll("calls") Call generated) throws Exception {
        Call call = generated.shaped() ? FuzzShapes.resolve(generated) : generated;
        long before = events();
        HttpResponse<String> response = send(call);
        int status = response.statusCode();
        STATUSES.merge(status, 1, Integer::sum);
        if (status >= 400 && generated.shaped()) {
            REFUSED.putIfAbsent(generated.endpoint() + " " + status, response.body().substring(0,
                    Math.min(300, response.body().length())));
        }
        if (status < 300) {
            String endpoint = generated.shaped() ? generated.endpoint() : "(unshaped)";
            SUCCEEDED.merge(endpoint.replaceAll(" (json|md|none)$", ""), 1, Integer::sum);
            if (call.command() && call.path().endsWith("/api/drafts/import") && status == 201) {
                synchronized (DRAFTS) {
                    DRAFTS.add(Client.JSON.readTree(response.body()).get("draftId").asText());
                }
            }
        }
        assertThat(status).as(call + " → " + response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(call + " → " + response.body())
                    .startsWith("application/problem+json");
            if (call.command()) {
                assertThat(events()).as("a refused command records nothing: " + call).isEqualTo(before);
            }
        }
    }

    static HttpResponse<String> send(Call call) throws Exception {
        int port = call.command() ? plenary.commandPort() : plenary.queryPort();
        if (call.shaped() && call.path().contains("{")) {
            throw new IllegalStateException("unresolved " + call);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .timeout(Duration.ofSeconds(60))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (!call.user().equals("anonymous")) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (call.user() + ":" + (call.user().equals("nobody") ? "wrong" : call.user())).getBytes()));
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        call.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The events recorded, but for those a silence procedure's deadline records on its own (and their checkpoints). */
    static long events() throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                     SELECT count(*) FROM DomainEventEntry WHERE type <> 'DraftCheckpoints'
                     AND payloadType NOT LIKE '%SilenceProcedureConcluded'""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- what is generated -------------------------------------------------------------------------------------

    static final String[] COMMANDS = {
            "POST /api/drafts json", "POST /api/drafts/import md", "POST /api/drafts/{d}/import md",
            "POST /api/drafts/{d}/delegations json", "POST /api/drafts/{d}/paragraphs json",
            "POST /api/drafts/{d}/paragraphs/{p}/brackets json", "POST /api/drafts/{d}/brackets/{b}/alternatives json",
            "POST /api/drafts/{d}/brackets/{b}/accept json", "POST /api/drafts/{d}/brackets/{b}/withdraw none",
            "POST /api/drafts/{d}/brackets/{b}/alternatives/{a}/support none",
            "POST /api/drafts/{d}/brackets/{b}/alternatives/{a}/objection none",
            "POST /api/drafts/{d}/brackets/{b}/alternatives/{a}/withdraw none",
            "POST /api/drafts/{d}/brackets/{b}/bridging json", "POST /api/drafts/{d}/paragraphs/{p}/options json",
            "POST /api/drafts/{d}/paragraphs/{p}/deletion none", "POST /api/drafts/{d}/paragraphs/{p}/move json",
            "POST /api/drafts/{d}/paragraphs/{p}/status json", "POST /api/drafts/{d}/paragraphs/{p}/agreement json",
            "DELETE /api/drafts/{d}/paragraphs/{p}/agreement none",
            "POST /api/drafts/{d}/delegations/{c}/participation json", "POST /api/drafts/{d}/footnotes json",
            "DELETE /api/drafts/{d}/footnotes/{l} none", "POST /api/drafts/{d}/renumbering none",
            "POST /api/drafts/{d}/revisions json", "POST /api/drafts/{d}/silence-procedures json",
            "POST /api/drafts/{d}/silence-procedures/current/break json", "POST /api/drafts/{d}/finalise none",
            "POST /api/drafts/{d}/corrigenda md"};

    static final String[] QUERIES = {
            "GET /api/drafts", "GET /api/drafts/{d}", "GET /api/drafts/{d}?version={n}", "GET /api/drafts/{d}?at={t}",
            "GET /api/drafts/{d}?revision={r}", "GET /api/drafts/{d}/text?format={f}", "GET /api/drafts/{d}/events?after={n}",
            "GET /api/drafts/{d}/events?format=ndjson", "GET /api/drafts/{d}/diff?from={n}&to={n}",
            "GET /api/drafts/{d}/brackets?state={s}", "GET /api/drafts/{d}/revisions", "GET /api/drafts/{d}/verify",
            "GET /api/drafts/{d}/history?delegation={c}&kind={k}&limit={n}", "GET /api/session",
            "GET /api/admin/projection", "GET /api/admin/rebuild"};

    static final String[] FIELDS = {"reference", "title", "kind", "date", "venue", "code", "name", "participation",
            "observer", "section", "after", "text", "quote", "occurrence", "alternatives", "reason", "alternativeId",
            "replaces", "status", "adReferendum", "label", "deadline", "subject", "paragraphId"};

    /** Mostly calls shaped as a client would send them, so that the fuzz reaches deep paths; the rest anything. */
    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, FuzzShapes.calls()), net.jqwik.api.Tuple.of(3, unshaped()));
    }

    Arbitrary<Call> unshaped() {
        Arbitrary<String> user = Arbitraries.of(USERS);
        Arbitrary<String> endpoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(COMMANDS)), net.jqwik.api.Tuple.of(1, Arbitraries.of(QUERIES)));
        return Combinators.combine(user, endpoint, ids(), ids(), ids(), Arbitraries.integers().between(0, 9),
                        values(), Arbitraries.integers().between(0, 19))
                .as((u, e, p, b, a, mutation, value, typeChoice) -> call(u, e, p, b, a, mutation, value, typeChoice));
    }

    static Call call(String user, String endpoint, String p, String b, String a, int mutation, Object value,
                     int typeChoice) {
        String[] parts = endpoint.split(" ");
        boolean command = List.of(COMMANDS).contains(endpoint);
        String path = parts[1].replace("{d}", draft(Math.abs(p.hashCode())))
                .replace("{p}", p).replace("{b}", b).replace("{a}", a).replace("{c}", pick(a, "kaz", "KGZ", "xx", "ü"))
                .replace("{l}", pick(b, "1", "2", "%00", "x".repeat(300))).replace("{n}", pick(p, "0", "1", "2", "-1",
                        "99999999999999999999", "x", ""))
                .replace("{t}", pick(a, Instant.now().toString(), "-1000000000-01-01T00:00:00Z",
                        "%2B1000000000-01-01T00:00:00Z", "yesterday", ""))
                .replace("{r}", pick(b, "Rev.1", "Rev.99", "%00", "")).replace("{f}", pick(p, "markdown", "html", "pdf",
                        "docx", "akn", "exe", "")).replace("{s}", pick(a, "open", "closed", ""))
                .replace("{k}", pick(b, "TextBracketed", "Nope,TextBracketed", ""));
        path = mutatePath(path, mutation);
        String kind = command ? parts[2] : "none";
        String contentType = switch (typeChoice) {
            case 0 -> null;
            case 1 -> "text/plain";
            case 2 -> "application/x-www-form-urlencoded";
            case 3 -> "application/json; charset=ISO-8859-1";
            case 4 -> "multipart/form-data; boundary=x";
            case 5 -> "text/markdown";
            case 6 -> "application/json";
            default -> kind.equals("md") ? "text/markdown" : kind.equals("json") ? "application/json" : null;
        };
        byte[] body = body(kind, value, typeChoice);
        Map<String, String> headers = switch (typeChoice % 5) {
            case 0 -> Map.of("If-Match", pick(a, "\"1\"", "\"x\"", "W/\"3\"", "\"-5\"", "*"));
            case 1 -> Map.of("Idempotency-Key", pick(b, "k1", "k2", " ", "x".repeat(300)));
            default -> Map.of();
        };
        String method = parts[0].equals("GET") && typeChoice == 13 ? "HEAD" : parts[0];
        return new Call(user, method, command, path, contentType, body, headers);
    }

    static byte[] body(String kind, Object value, int choice) {
        if (choice == 17) {
            byte[] junk = new byte[64];
            new java.util.Random(choice).nextBytes(junk);
            return junk;
        }
        if (choice >= 18 && kind.equals("json")) {
            return valid(value).getBytes(StandardCharsets.UTF_8);
        }
        if (kind.equals("md")) {
            return (value instanceof String s ? "1. " + s + "\n\n2. Parties [shall][should] act.\n" : "").getBytes(
                    StandardCharsets.UTF_8);
        }
        if (kind.equals("json") || choice == 6) {
            StringBuilder json = new StringBuilder("{");
            int fields = 1 + choice % 5;
            for (int i = 0; i < fields; i++) {
                String field = FIELDS[(choice * 7 + i * 5 + String.valueOf(value).length()) % FIELDS.length];
                json.append(i == 0 ? "" : ",").append('"').append(field).append("\":").append(json(value));
            }
            String text = json.append('}').toString();
            return switch (choice % 4) {
                case 0 -> text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8); // cut off
                case 1 -> text.getBytes(StandardCharsets.UTF_16);
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
        }
        return choice == 9 ? "x".getBytes() : null;
    }

    /** A well-formed command body carrying the generated value where text goes, so that some commands succeed. */
    static String valid(Object value) {
        String text = json(value instanceof String ? value : String.valueOf(value));
        return "{\"section\": \"OPERATIVE\", \"text\": " + text + ", \"quote\": \"Parties\", \"alternatives\": ["
                + text + "], \"code\": \"tur\", \"name\": " + text + ", \"participation\": \"CONFIRMED\", "
                + "\"status\": \"SECOND_READING\", \"adReferendum\": true, \"reason\": " + text
                + ", \"reference\": \"F/1\", \"title\": " + text + ", \"kind\": \"Declaration\"}";
    }

    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return Client.JSON.valueToTree(s).toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object v : list) {
                out.append(out.length() == 1 ? "" : ",").append(json(v));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    static String mutatePath(String path, int mutation) {
        return switch (mutation) {
            case 1 -> path.replaceFirst("/api/", "/%61pi/");
            case 2 -> path.replaceFirst("/drafts/", "//drafts/");
            case 3 -> path.replace("/", "/./");
            case 4 -> path.toUpperCase();
            case 5 -> path + "%2F..";
            case 6 -> path.replaceFirst("s/", "s;x=1/");
            default -> path;
        };
    }

    static String draft(int seed) {
        synchronized (DRAFTS) {
            return DRAFTS.get(Math.floorMod(seed, DRAFTS.size()));
        }
    }

    static String pick(String seed, String... options) {
        return options[Math.abs(seed.hashCode()) % options.length];
    }

    static Arbitrary<String> ids() {
        return Arbitraries.of("p1.1", "p1.2", "p1.5", "p3", "b1.7", "b4", "a1.8", "a1.7.2", "a4.2", "nope", "%00", "..",
                "p" + "9".repeat(30), "%C3%A9", "a%2Fb");
    }

    static Arbitrary<Object> values() {
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.of("", " ", "\uD800", "\uFFFE", "\u202Eevil", "PREAMBLE", "OPERATIVE", "AGREED", "TEXT",
                        "PARTICIPATION", "CONFIRMED", "PENDING", "Rev.9", "shall", "Parties", "[shall]", "[[[[x]]]]",
                        "2099-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "<img src=x onerror=alert(1)>"),
                Arbitraries.strings().alpha().ofLength(30_000)).injectDuplicates(0.1);
        return Arbitraries.oneOf(strings.map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.<Object>just(null),
                Arbitraries.of(1e308, -0.0, 9_223_372_036_854_775_807L).map(n -> (Object) n),
                strings.list().ofMaxSize(30).map(l -> (Object) l)).injectNull(0.02);
    }
}
