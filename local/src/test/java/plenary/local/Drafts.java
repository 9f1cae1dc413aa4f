package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drafts set up for a test through the public API: imported, delegations admitted, and projected. */
public final class Drafts {

    public static final Path SEED =
            Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");

    private final Plenary plenary;

    public Drafts(Plenary plenary) {
        this.plenary = plenary;
    }

    /** Imports the seed communiqué, admits these delegations, and waits until the query side has it all. */
    public String seed(String... delegations) throws Exception {
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", Files.readString(SEED));
        assertThat(imported.status()).isEqualTo(201);
        String draft = imported.json().get("draftId").asText();
        long version = 1;
        for (String code : delegations) {
            Client.Response admitted = secretariat.postJson("/api/drafts/" + draft + "/delegations",
                    Map.of("code", code, "name", "the delegation of " + code.toUpperCase(), "participation", "CONFIRMED"));
            assertThat(admitted.status()).isEqualTo(200);
            version = admitted.json().get("version").asLong();
        }
        awaitVersion(draft, version);
        return draft;
    }

    /** The draft as the query side shows it once it has reached {@code version}. */
    public JsonNode awaitVersion(String draft, long version) {
        Client auditor = new Client(plenary.queryPort(), "auditor");
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Client.Response r = auditor.get("/api/drafts/" + draft);
            seen[0] = r.status() == 200 ? r.json() : null;
            return seen[0] != null && seen[0].get("version").asLong() >= version;
        });
        return seen[0];
    }

    /** The paragraph of a document with this number, e.g. "v" or "1". */
    public static JsonNode paragraph(JsonNode document, String number) {
        for (JsonNode p : document.get("paragraphs")) {
            if (number.equals(p.get("number").asText())) {
                return p;
            }
        }
        throw new AssertionError("no paragraph " + number);
    }
}
