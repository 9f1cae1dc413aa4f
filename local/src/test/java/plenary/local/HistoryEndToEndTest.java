package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History over the public API: any version reads exactly as the current text read then (from snapshots every 3
 * events here), the timeline replays step by step, and the diff tells what changed and who changed it.
 */
class HistoryEndToEndTest {

    static Plenary plenary;
    static Client auditor;
    static String draft;
    static final Map<Long, String> documentThen = new HashMap<>();
    static final Map<Long, String> markdownThen = new HashMap<>();

    @BeforeAll
    static void negotiate() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0, "plenary.history.snapshot-every=3");
        auditor = new Client(plenary.queryPort(), "auditor");
        draft = new Negotiating(plenary).negotiate(version -> {
            documentThen.put(version, auditor.get("/api/drafts/" + draft()).body());
            markdownThen.put(version, auditor.get("/api/drafts/" + draft() + "/text?format=markdown").body());
        });
    }

    /** The draft being negotiated: the only one there is while the negotiation runs. */
    private static String draft() {
        return draft != null ? draft : auditor.get("/api/drafts").json().get(0).get("draftId").asText();
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void everyVersionIsByteForByteWhatTheCurrentTextWasThen() {
        assertThat(documentThen).hasSize(11);
        for (long v = 1; v <= 11; v++) {
            assertThat(auditor.get("/api/drafts/" + draft + "?version=" + v).body()).as("document at %d", v)
                    .isEqualTo(documentThen.get(v));
            assertThat(auditor.get("/api/drafts/" + draft + "/text?format=markdown&version=" + v).body())
                    .as("text at %d", v).isEqualTo(markdownThen.get(v));
        }
        assertThat(auditor.get("/api/drafts/" + draft + "?version=12").status()).isEqualTo(404);
        assertThat(auditor.get("/api/drafts/" + draft + "?version=0").status()).isEqualTo(400);
    }

    @Test
    void theTimelineHasOneEntryPerEventAndReplaysStepByStep() {
        JsonNode history = auditor.get("/api/drafts/" + draft + "/history").json();
        assertThat(history).hasSize(11);
        JsonNode bracketed = history.get(3);
        assertThat(bracketed.get("version").asLong()).isEqualTo(4);
        assertThat(bracketed.get("type").asText()).isEqualTo("TextBracketed");
        assertThat(bracketed.get("actor").get("delegation").asText()).isEqualTo("kaz");
        assertThat(bracketed.get("actor").get("role").asText()).isEqualTo("DELEGATION");
        assertThat(bracketed.get("description").asText())
                .isEqualTo("KAZ bracketed 'manage borders' in OP 1, offering 'secure borders': too narrow");
        assertThat(bracketed.get("paragraph").asText()).isEqualTo("OP 1");
        assertThat(bracketed.get("timestamp").asText()).isNotBlank();
        for (JsonNode entry : history) {
            long v = entry.get("version").asLong();
            assertThat(auditor.get(entry.get("document").asText()).body()).isEqualTo(documentThen.get(v));
            assertThat(auditor.get(entry.get("text").asText()).body()).isEqualTo(markdownThen.get(v));
        }

        assertThat(versions("/history?delegation=tjk")).containsExactly(5L, 7L, 9L);
        assertThat(versions("/history?kind=AlternativeAccepted")).containsExactly(8L, 10L, 11L);
        assertThat(versions("/history?paragraph=" + bracketed.get("paragraphId").asText())).containsExactly(4L, 5L, 8L);
        assertThat(versions("/history?delegation=kaz&kind=TextBracketed,ParagraphProposed&after=4"))
                .containsExactly(6L);
        assertThat(auditor.get("/api/drafts/" + draft + "/history?after=-1").status()).isEqualTo(400);
        assertThat(auditor.get("/api/drafts/nope/history").status()).isEqualTo(404);
    }

    @Test
    void theDiffSaysWhatChangedWordByWordAndWho() {
        JsonNode diff = auditor.get("/api/drafts/" + draft + "/diff?from=3&to=8").json();
        assertThat(diff.at("/from/version").asLong()).isEqualTo(3);
        assertThat(diff.at("/to/version").asLong()).isEqualTo(8);
        JsonNode op1 = diff.get("paragraphs").get(0);
        assertThat(op1.get("paragraph").asText()).isEqualTo("OP 1");
        assertThat(op1.get("change").asText()).isEqualTo("CHANGED");
        assertThat(op1.get("before").asText()).isEqualTo("Parties shall manage borders together and share information.");
        assertThat(op1.get("after").asText()).isEqualTo("Parties shall control borders together and share information.");
        assertThat(op1.at("/segments/1/op").asText()).isEqualTo("DELETE");
        assertThat(op1.at("/segments/1/text").asText()).isEqualTo("manage");
        assertThat(op1.at("/segments/1/by/actor/user").asText()).isEqualTo("chair");
        assertThat(op1.at("/segments/2/op").asText()).isEqualTo("INSERT");
        assertThat(op1.at("/segments/2/text").asText()).isEqualTo("control");
        assertThat(op1.at("/segments/2/by/version").asLong()).isEqualTo(5);
        assertThat(op1.at("/segments/2/by/actor/delegation").asText()).isEqualTo("tjk");
        JsonNode added = diff.get("paragraphs").get(1);
        assertThat(added.get("change").asText()).isEqualTo("ADDED");
        assertThat(added.get("paragraph").asText()).isEqualTo("OP 1bis");

        Client.Response redline = auditor.get("/api/drafts/" + draft + "/diff?from=3&to=8&format=html");
        assertThat(redline.contentType()).startsWith("text/html");
        assertThat(redline.body()).contains("<del title=\"Chair, version 8\">manage</del>"
                + "<ins title=\"TJK, version 5\">control</ins>");

        assertThat(auditor.get("/api/drafts/" + draft + "/diff?from=1").json().at("/to/version").asLong())
                .isEqualTo(11);
        assertThat(auditor.get("/api/drafts/" + draft + "/diff?from=8&to=3").status()).isEqualTo(400);
        assertThat(auditor.get("/api/drafts/" + draft + "/diff?from=3&to=99").status()).isEqualTo(404);
        assertThat(auditor.get("/api/drafts/" + draft + "/diff?from=3&format=pdf").status()).isEqualTo(400);
        assertThat(auditor.get("/api/drafts/" + draft + "/diff").contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOpenApiDescriptionNamesTheHistoryPaths() {
        Client.Response docs = auditor.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").fieldNames()).toIterable().contains("/api/drafts/{draftId}/history",
                "/api/drafts/{draftId}/diff", "/api/drafts/{draftId}/verify", "/api/drafts/{draftId}/events",
                "/api/admin/rebuild");
    }

    private static java.util.List<Long> versions(String path) {
        java.util.List<Long> versions = new java.util.ArrayList<>();
        auditor.get("/api/drafts/" + draft + path).json().forEach(e -> versions.add(e.get("version").asLong()));
        return versions;
    }
}
