package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.drafting.DraftEvent;
import plenary.query.drafting.DraftDocuments;
import plenary.query.drafting.Selector;
import plenary.text.Document;
import plenary.text.Fold;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one fold, three ways, on real PostgreSQL: replaying a draft's events as the event store yields them (Axon's
 * serializer and upcasters) gives the same document as the command side's cached aggregate and as the query side's
 * projection, at the end of a negotiation that touches every part of the document.
 */
class ReplayEqualityTest {

    @Test
    void replayingTheStoredEventsGivesTheAggregatesAndTheProjectionsDocument() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), 0, 0)) {
            Drafts drafts = new Drafts(plenary);
            String d = drafts.seed("kaz", "tur");
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            Client chair = new Client(plenary.commandPort(), "chair");
            Client kaz = new Client(plenary.commandPort(), "kaz");
            Client tur = new Client(plenary.commandPort(), "tur");
            Client auditor = new Client(plenary.queryPort(), "auditor");

            String borders = paragraphSaying(drafts.awaitVersion(d, 1), "manage borders");
            Client.Response bracket = kaz.postJson("/api/drafts/" + d + "/paragraphs/" + borders + "/brackets",
                    Map.of("quote", "manage borders", "alternatives", List.of("secure borders"), "reason", "narrow"));
            assertThat(bracket.status()).as(bracket.body()).isEqualTo(201);
            String b = bracket.json().get("bracketId").asText();
            Client.Response alternative = tur.postJson("/api/drafts/" + d + "/brackets/" + b + "/alternatives",
                    Map.of("text", "jointly manage borders"));
            assertThat(alternative.status()).as(alternative.body()).isEqualTo(201);
            assertThat(kaz.postJson("/api/drafts/" + d + "/paragraphs", Map.of("section", "OPERATIVE",
                    "text", "Meet again in *Almaty* next year")).status()).isEqualTo(201);
            assertThat(secretariat.postJson("/api/drafts/" + d + "/revisions", Map.of()).status()).isEqualTo(201);
            assertThat(secretariat.postJson("/api/drafts/" + d + "/silence-procedures", Map.of("deadline",
                    Instant.now().plus(1, ChronoUnit.HOURS).toString(), "subject", "TEXT")).status()).isEqualTo(201);
            assertThat(tur.postJson("/api/drafts/" + d + "/silence-procedures/current/break",
                    Map.of("reason", "not yet")).status()).isEqualTo(200);
            Client.Response accepted = chair.postJson("/api/drafts/" + d + "/brackets/" + b + "/accept",
                    Map.of("alternativeId", alternative.json().get("alternativeId").asText()));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            String text = auditor.get("/api/drafts/" + d + "/text?format=markdown").body();
            Client.Response revised = chair.post("/api/drafts/" + d + "/import", "text/markdown",
                    text.replace("Meet again", "Meet again soon"));
            assertThat(revised.status()).as(revised.body()).isEqualTo(200);
            long version = revised.json().get("version").asLong();
            drafts.awaitVersion(d, version);

            Document replayed = Fold.replay(storedEvents(plenary, d));
            assertThat(replayed.version()).isEqualTo(version);
            assertThat(aggregate(plenary, d)).isEqualTo(replayed);
            assertThat(plenary.querySide().getBean(DraftDocuments.class).document(d, Selector.CURRENT))
                    .isEqualTo(replayed);
        }
    }

    private static String paragraphSaying(JsonNode document, String words) {
        for (JsonNode p : document.get("paragraphs")) {
            if (p.get("text").asText().contains(words)) {
                return p.get("paragraphId").asText();
            }
        }
        throw new AssertionError("no paragraph says " + words);
    }

    /** The draft's events as the query side reads them from the store: through the serializer and upcasters. */
    private static List<DraftEvent> storedEvents(Plenary plenary, String draftId) {
        List<DraftEvent> events = new ArrayList<>();
        plenary.querySide().getBean(EventStorageEngine.class).readEvents(draftId, 0)
                .forEachRemaining((DomainEventMessage<?> m) -> events.add((DraftEvent) m.getPayload()));
        return events;
    }

    /** The command side's Draft as its repository (and cache) holds it; its document is a private field. */
    private static Document aggregate(Plenary plenary, String draftId) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Repository<Object> drafts = plenary.commandSide().getBeansOfType(Repository.class).entrySet().stream()
                .filter(bean -> bean.getKey().toLowerCase().contains("draft")).findFirst().orElseThrow().getValue();
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            Object draft = drafts.load(draftId).invoke(root -> root);
            Field document = draft.getClass().getDeclaredField("document");
            document.setAccessible(true);
            return (Document) document.get(draft);
        } finally {
            uow.rollback();
        }
    }
}
