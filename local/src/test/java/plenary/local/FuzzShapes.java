package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls shaped as a client sends them: the right content type, a body with the endpoint's own fields, mostly the
 * user whose role the endpoint wants, and ids, quotes and versions taken from the draft as it stands when the call
 * is sent. Only the values inside are fuzzed (about two in five), so that most commands are carried out and the
 * fuzz reaches what lies behind the first refusal: the aggregate's rules, the fold, the projection, the exports.
 */
final class FuzzShapes {

    /** endpoint, its content kind, and the users it is meant for. */
    private record Shape(String endpoint, String[] users) {
    }

    private static final String[] DELEGATES = {"kaz", "kgz"};
    private static final String[] DRAFTERS = {"kaz", "kgz", "chair"};
    private static final String[] CHAIR = {"chair"};
    private static final String[] SECRETARIAT = {"secretariat"};
    private static final String[] OFFICERS = {"chair", "secretariat"};
    private static final String[] READERS = {"auditor", "secretariat", "kaz", "chair"};

    private static final List<Shape> COMMANDS = List.of(
            new Shape("POST /api/drafts json", SECRETARIAT),
            new Shape("POST /api/drafts/import md", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/import md", OFFICERS),
            new Shape("POST /api/drafts/{d}/delegations json", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/delegations json", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/paragraphs json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/paragraphs json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/brackets json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/brackets json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/brackets json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/brackets/{b}/alternatives json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/brackets/{b}/alternatives json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/brackets/{b}/accept json", OFFICERS),
            new Shape("POST /api/drafts/{d}/brackets/{b}/accept json", OFFICERS),
            new Shape("POST /api/drafts/{d}/brackets/{b}/withdraw none", DRAFTERS),
            new Shape("POST /api/drafts/{d}/brackets/{b}/alternatives/{a}/support none", DELEGATES),
            new Shape("POST /api/drafts/{d}/brackets/{b}/alternatives/{a}/objection none", DELEGATES),
            new Shape("POST /api/drafts/{d}/brackets/{b}/alternatives/{a}/withdraw none", DRAFTERS),
            new Shape("POST /api/drafts/{d}/brackets/{b}/bridging json", CHAIR),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/options json", DRAFTERS),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/deletion none", DRAFTERS),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/move json", CHAIR),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/status json", CHAIR),
            new Shape("POST /api/drafts/{d}/paragraphs/{p}/agreement json", DELEGATES),
            new Shape("DELETE /api/drafts/{d}/paragraphs/{p}/agreement none", DELEGATES),
            new Shape("POST /api/drafts/{d}/delegations/{c}/participation json", new String[]{"secretariat", "kaz"}),
            new Shape("POST /api/drafts/{d}/footnotes json", OFFICERS),
            new Shape("DELETE /api/drafts/{d}/footnotes/{l} none", OFFICERS),
            new Shape("POST /api/drafts/{d}/renumbering none", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/revisions json", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/silence-procedures json", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/silence-procedures/current/break json", DELEGATES),
            new Shape("POST /api/drafts/{d}/finalise none", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/corrigenda md", SECRETARIAT),
            new Shape("POST /api/drafts/{d}/checkpoints none", SECRETARIAT));

    private static final List<Shape> QUERIES = List.of(
            new Shape("GET /api/drafts/{d}", READERS), new Shape("GET /api/drafts/{d}?version={n}", READERS),
            new Shape("GET /api/drafts/{d}/text?format={f}", READERS),
            new Shape("GET /api/drafts/{d}/text?format={f}&version={n}", READERS),
            new Shape("GET /api/drafts/{d}/events?after={n}", READERS),
            new Shape("GET /api/drafts/{d}/diff?from={n}&to={n2}", READERS),
            new Shape("GET /api/drafts/{d}/diff?from={n}&to={n2}&format=html", READERS),
            new Shape("GET /api/drafts/{d}/brackets?state=open", READERS),
            new Shape("GET /api/drafts/{d}/history?paragraph={p}", READERS),
            new Shape("GET /api/drafts/{d}/verify", READERS), new Shape("GET /api/drafts/{d}/checkpoints", READERS),
            new Shape("GET /api/drafts/{d}/proof?version={n}", READERS),
            new Shape("GET /api/drafts/{d}/revisions", READERS));

    private static final String[] WORDS = {"Parties", "shall", "should", "cooperate", "regional", "security",
            "borders", "trade", "water", "resources", "Afghanistan", "the", "process", "welcome", "support",
            "*strengthen*", "**all**", "ministers", "Almaty", "Istanbul"};

    static Arbitrary<FuzzTest.Call> calls() {
        Arbitrary<Shape> shape = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(COMMANDS)),
                Tuple.of(1, Arbitraries.of(QUERIES)));
        Arbitrary<Object> fuzzed = FuzzTest.values();
        Arbitrary<Object> plausible = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(9)
                .map(words -> (Object) String.join(" ", words));
        Arbitrary<Object> value = Arbitraries.frequencyOf(Tuple.of(3, plausible), Tuple.of(2, fuzzed));
        return Combinators.combine(shape, Arbitraries.integers().between(0, Integer.MAX_VALUE), value,
                        Arbitraries.integers().between(0, 19))
                .as(FuzzShapes::call);
    }

    private static FuzzTest.Call call(Shape shape, int seed, Object value, int choice) {
        String[] parts = shape.endpoint().split(" ");
        boolean command = parts.length == 3;
        // one in ten goes to someone the endpoint is not meant for
        String user = choice == 0 ? FuzzTest.USERS[seed % FuzzTest.USERS.length]
                : shape.users()[seed % shape.users().length];
        String kind = command ? parts[2] : "none";
        String contentType = kind.equals("json") ? "application/json" : kind.equals("md") ? "text/markdown" : null;
        byte[] body = switch (kind) {
            case "json" -> json(parts[1], value, seed).getBytes(StandardCharsets.UTF_8);
            case "md" -> markdown(value, seed, parts[1].endsWith("/corrigenda")).getBytes(StandardCharsets.UTF_8);
            default -> null;
        };
        Map<String, String> headers = choice == 1 ? Map.of("If-Match", "{version}")
                : choice == 2 ? Map.of("Idempotency-Key", "k" + seed % 50) : Map.of();
        return new FuzzTest.Call(user, parts[0], command, parts[1], contentType, body, headers, shape.endpoint(),
                seed);
    }

    private static String json(String path, Object value, int seed) {
        String v = FuzzTest.json(value);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return switch (name) {
            case "drafts" -> "{\"reference\": \"F/" + seed % 1000 + "\", \"title\": " + v + ", \"kind\": \""
                    + pick(seed, "Declaration", "communique", "RESOLUTION", "Decision") + "\"}";
            case "delegations" -> {
                String code = pick(seed, "tur", "tjk", "kaz", "kgz", "tur", "tjk", "afg", "irn");
                yield "{\"code\": \"" + code + "\", \"name\": " + (seed % 3 == 0 ? v : "\"the Republic of " + code
                        + "\"") + ", \"participation\": \"" + pick(seed / 7, "CONFIRMED", "PENDING")
                        + "\", \"observer\": " + (seed % 5 == 0) + "}";
            }
            case "paragraphs" -> "{\"section\": \"" + pick(seed, "OPERATIVE", "PREAMBLE") + "\", \"after\": "
                    + (seed % 3 == 0 ? "null" : "\"{p}\"") + ", \"text\": " + v + "}";
            case "brackets" -> "{\"quote\": \"{q}\", \"alternatives\": " + (seed % 2 == 0 ? "[]" : "[" + v + "]")
                    + ", \"reason\": " + (seed % 3 == 0 ? v : "\"too narrow\"") + "}";
            case "alternatives", "options" -> "{\"text\": " + v + "}";
            case "accept" -> "{\"alternativeId\": \"{a}\"}";
            case "bridging" -> "{\"replaces\": [\"{a}\", \"{a2}\"], \"text\": " + v + "}";
            case "move" -> "{\"after\": " + (seed % 3 == 0 ? "null" : "\"{p2}\"") + "}";
            case "status" -> "{\"status\": \"" + pick(seed, "FIRST_READING", "SECOND_READING", "AGREED",
                    "REOPENED", "PENDING", "AGREED_AD_REFERENDUM") + "\"}";
            case "agreement" -> "{\"adReferendum\": " + (seed % 2 == 0) + "}";
            case "participation" -> "{\"participation\": \"" + pick(seed, "CONFIRMED", "PENDING") + "\"}";
            case "footnotes" -> "{\"paragraphId\": \"{p}\", \"quote\": \"{q}\", \"text\": " + v + "}";
            case "revisions" -> seed % 2 == 0 ? "{}" : "{\"label\": \"Rev." + (2 + seed % 40) + "\"}";
            // a deadline a few seconds away, so that a procedure ends soon and the draft takes commands again
            case "silence-procedures" -> "{\"deadline\": \"" + Instant.now().plusSeconds(2 + seed % 4)
                    + "\", \"subject\": \"" + pick(seed, "TEXT", "PARTICIPATION") + "\"}";
            case "break" -> "{\"reason\": " + v + "}";
            default -> "{}";
        };
    }

    /** A small text; a corrigendum's without brackets, since a corrected final text has no disputed words. */
    private static String markdown(Object value, int seed, boolean corrected) {
        String v = value instanceof String s ? s : String.valueOf(value);
        return "# Draft declaration " + seed % 100 + "\n\n*The Ministers,*\n\n(a) *Welcoming* " + v + ",\n\n"
                + "1. Parties " + (corrected ? "shall" : "[shall][should]") + " cooperate on " + v
                + ".\n\n2. Parties agree to meet again.\n";
    }

    /** The call with its ids, quote and version taken from the draft as the query side has it now. */
    static FuzzTest.Call resolve(FuzzTest.Call call) throws Exception {
        // jqwik tries Integer.MAX_VALUE as an edge case: keep seed + k and seed + 1 from overflowing into negative indexes
        int seed = call.seed() & 0x3fffffff;
        Client secretariat = new Client(FuzzTest.plenary.queryPort(), "secretariat");
        String draftId = null;
        JsonNode document = Client.JSON.createObjectNode();
        // a final draft takes only corrigenda: send the others elsewhere while there is an elsewhere
        for (int k = 0; k < 8; k++) {
            draftId = FuzzTest.draft(seed + k);
            Client.Response read = secretariat.get("/api/drafts/" + draftId);
            document = read.status() == 200 ? read.json() : Client.JSON.createObjectNode();
            boolean isFinal = document.path("status").asText().equals("FINAL");
            if (!call.command() || (call.path().endsWith("/corrigenda") ? isFinal : !isFinal)) {
                break; // a corrigendum looks for a final text, every other command for one still open
            }
        }
        String user = call.user();
        if (List.of("kaz", "kgz", "tjk", "tur").contains(user)) {
            // a delegation's command goes to a delegation admitted to the draft, not as an observer
            List<String> admitted = new ArrayList<>();
            document.path("participants").forEach(p -> {
                String code = p.path("code").asText("").toLowerCase(java.util.Locale.ROOT);
                if (List.of("kaz", "kgz", "tjk", "tur").contains(code) && !p.path("observer").asBoolean(false)) {
                    admitted.add(code);
                }
            });
            if (!admitted.isEmpty()) {
                user = admitted.get(seed % admitted.size());
            }
        }
        List<JsonNode> paragraphs = new ArrayList<>();
        document.path("paragraphs").forEach(paragraphs::add);
        JsonNode paragraph = paragraphs.isEmpty() ? Client.JSON.createObjectNode()
                : paragraphs.get(seed % paragraphs.size());
        JsonNode other = paragraphs.isEmpty() ? paragraph : paragraphs.get((seed / 3) % paragraphs.size());
        List<JsonNode> brackets = new ArrayList<>();
        (paragraph.path("brackets").isEmpty() ? document : paragraph).findParents("bracketId").forEach(b -> {
            if (b.has("alternatives")) {
                brackets.add(b);
            }
        });
        JsonNode bracket = brackets.isEmpty() ? Client.JSON.createObjectNode() : brackets.get(seed % brackets.size());
        List<String> alternatives = bracket.findValuesAsText("alternativeId");
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\\p{L}{3,}").matcher(paragraph.path("text").asText(""));
        while (word.find()) {
            words.add(word.group());
        }
        List<String> labels = document.findValuesAsText("label");
        long version = document.path("version").asLong(1);
        String n = String.valueOf(1 + (seed % Math.max(1, version)));
        String n2 = String.valueOf(Math.max(Long.parseLong(n), version - seed % 3));
        String delegation = user.length() == 3 ? user : pick(seed, "kaz", "kgz", "tur");
        Map<String, String> values = new java.util.HashMap<>();
        values.put("{d}", draftId);
        values.put("{p}", paragraph.path("paragraphId").asText("p1"));
        values.put("{p2}", other.path("paragraphId").asText("p1"));
        values.put("{b}", bracket.path("bracketId").asText("b1"));
        values.put("{a}", alternatives.isEmpty() ? "a1" : alternatives.get(seed % alternatives.size()));
        values.put("{a2}", alternatives.isEmpty() ? "a2" : alternatives.get((seed + 1) % alternatives.size()));
        values.put("{q}", words.isEmpty() ? "Parties" : words.get(seed % words.size()));
        values.put("{c}", delegation);
        values.put("{l}", labels.isEmpty() ? "1" : labels.get(seed % labels.size()).replaceAll("[^A-Za-z0-9]", ""));
        values.put("{n}", n);
        values.put("{n2}", n2);
        String path = fill(call.path(), values).replace("{f}", pick(seed, "markdown", "html", "pdf", "docx", "akn"));
        byte[] body = call.body() == null ? null
                : fill(new String(call.body(), StandardCharsets.UTF_8), values).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = call.headers().containsKey("If-Match")
                ? Map.of("If-Match", "\"" + version + "\"") : call.headers();
        return new FuzzTest.Call(user, call.method(), call.command(), path, call.contentType(), body, headers,
                call.endpoint(), seed);
    }

    private static String fill(String text, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    private static String pick(int seed, String... options) {
        return options[Math.floorMod(seed, options.length)];
    }

    private FuzzShapes() {
    }
}
