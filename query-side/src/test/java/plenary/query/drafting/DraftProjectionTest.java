package plenary.query.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import plenary.devdb.DevDatabase;
import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.query.live.LiveChannel;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.EventText;
import plenary.text.Fold;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.markdown.MarkdownImporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drafts projection on a real PostgreSQL: what it stores is what the shared fold says, it keeps every event
 * once, ignores redeliveries, and tells live clients exactly once per event.
 */
class DraftProjectionTest {

    private static final String D = "d1";
    private static final Path SEED =
            Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    private static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    private static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);
    private static final Actor TJK = Actor.of("tjk", Role.DELEGATION);

    /** As Spring Boot configures it: java.time supported, and written as ISO-8601 text rather than numbers. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                    SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    private final List<Message<?>> sent = Collections.synchronizedList(new ArrayList<>());

    private JdbcClient db;
    private DraftTable table;
    private DraftProjection projection;

    /** v1 import, v2 admit KAZ, v3 bracket "manage borders" in PP (v), v4 another alternative, v5 accept. */
    private List<DraftEvent> events;
    private String ppV;

    @BeforeEach
    void setUp() throws IOException {
        DevDatabase database = DevDatabase.forTests();
        var dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").load().migrate();
        db = JdbcClient.create(dataSource);
        table = new DraftTable(db, json);
        MessageChannel capturing = (message, timeout) -> sent.add(message);
        projection = new DraftProjection(table, new FoldedDrafts(20_000), json, new LiveChannel(new SimpMessagingTemplate(capturing)), List.of());

        Document seed = MarkdownImporter.parse(Files.readString(SEED, StandardCharsets.UTF_8), new IdAllocator(1),
                "Secretariat");
        ppV = seed.section(Section.PREAMBLE).stream().filter(p -> "v".equals(p.number())).findFirst()
                .orElseThrow().id();
        events = List.of(
                new DraftImported(D, EventText.whole(seed), SECRETARIAT),
                new DelegationAdmitted(D, "t2", "kaz", "the Republic of Kazakhstan", Participation.CONFIRMED,
                        SECRETARIAT),
                new TextBracketed(D, ppV, "b3", "manage borders", 1, "a3",
                        List.of(new Wording.Alternative("a3.2", "KAZ", List.of(new Wording.Text("secure borders")))),
                        "too narrow", KAZ),
                new AlternativeProposed(D, "b3", "a4", List.of(new Wording.Text("control borders")), TJK),
                new AlternativeAccepted(D, "b3", "a3.2", CHAIR));
    }

    @AfterEach
    void noUnitOfWorkLeftBehind() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    private static Instant at(long sequence) {
        return T0.plusSeconds(60 * sequence);
    }

    /** Delivers events [from, to) with their sequence numbers, as the tracking processor would. */
    private void deliver(int from, int to) {
        for (int i = from; i < to; i++) {
            projection.on(events.get(i), i, at(i));
        }
    }

    private Document stored() {
        return table.document(D).orElseThrow();
    }

    private List<LiveChange> liveChanges() {
        synchronized (sent) {
            return sent.stream().map(m -> (LiveChange) m.getPayload()).toList();
        }
    }

    // ---------------------------------------------------------------- the document and its events

    @Test
    void theStoredDocumentIsTheSharedFoldAfterEveryEvent() {
        assertThat(table.document(D)).isEmpty();

        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i, at(i));

            Document expected = Fold.replay(events.subList(0, i + 1));
            assertThat(stored()).as("after event %d", i + 1).isEqualTo(expected);
            assertThat(stored().version()).isEqualTo(i + 1);
        }

        Document last = stored();
        assertThat(last.status()).isEqualTo(DraftStatus.UNDER_NEGOTIATION);
        assertThat(last.participantByCode("kaz")).isPresent();
        assertThat(last.openBrackets()).isEmpty();
        assertThat(last.paragraph(ppV).orElseThrow().content().toString()).contains("secure borders")
                .doesNotContain("manage borders");
    }

    @Test
    void theSummariesListEachDraftWithItsVersionAndStatusLatestFirst() {
        deliver(0, 3);
        Document imported = Fold.replay(events.subList(0, 1));

        assertThat(table.summaries()).containsExactly(new DraftTable.Summary(D, "Almaty Process/03/01/2013",
                imported.header().title(), "UNDER_NEGOTIATION", 3));

        var other = new DraftCreated("d2", "TEST/2", "Another Text", "Declaration", "01/07/2025", "Geneva",
                SECRETARIAT);
        projection.on(other, 0, at(2).plusSeconds(30)); // after d1's third event
        assertThat(table.summaries()).extracting(DraftTable.Summary::draftId).containsExactly("d2", D);
        assertThat(table.summaries().get(0))
                .isEqualTo(new DraftTable.Summary("d2", "TEST/2", "Another Text", "ZERO_DRAFT", 1));

        deliver(3, 5); // d1 changes again and is now the latest
        assertThat(table.summaries()).extracting(DraftTable.Summary::draftId, DraftTable.Summary::version,
                        DraftTable.Summary::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(D, 5L, "UNDER_NEGOTIATION"),
                        org.assertj.core.groups.Tuple.tuple("d2", 1L, "ZERO_DRAFT"));
    }

    @Test
    void everyEventIsRecordedInOrderWithItsVersionTypeActorAndPayload() throws Exception {
        deliver(0, events.size());

        List<LiveChange> all = table.eventsAfter(D, 0);
        assertThat(all).extracting(LiveChange::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all).extracting(LiveChange::type).containsExactly("DraftImported",
                "DelegationAdmitted", "TextBracketed", "AlternativeProposed", "AlternativeAccepted");
        assertThat(all).extracting(LiveChange::actor)
                .containsExactly(SECRETARIAT, SECRETARIAT, KAZ, TJK, CHAIR);
        for (int i = 0; i < all.size(); i++) {
            LiveChange recorded = all.get(i);
            DraftEvent event = events.get(i);
            assertThat(recorded.timestamp()).isEqualTo(at(i));
            assertThat(recorded.payload()).isEqualTo(asStoredJson(event));
            // the payload is the whole event: it reads back as the very event that was folded
            assertThat(json.treeToValue(recorded.payload(), event.getClass())).isEqualTo(event);
        }
        JsonNode bracketed = all.get(2).payload();
        assertThat(bracketed.get("quote").asText()).isEqualTo("manage borders");
        assertThat(bracketed.get("paragraphId").asText()).isEqualTo(ppV);

        assertThat(table.eventsAfter(D, 2)).extracting(LiveChange::version).containsExactly(3L, 4L, 5L);
        assertThat(table.eventsAfter(D, 2)).isEqualTo(all.subList(2, 5));
        assertThat(table.eventsAfter(D, 5)).isEmpty();
        assertThat(table.eventsAfter("no-such-draft", 0)).isEmpty();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        deliver(0, events.size());
        Document before = stored();
        List<LiveChange> eventsBefore = table.eventsAfter(D, 0);
        List<DraftTable.Summary> summariesBefore = table.summaries();
        int messagesBefore = sent.size();

        // a processor restarting from an older token delivers the same events again, with the same sequence numbers
        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i, at(i).plusSeconds(5));
        }

        assertThat(stored()).isEqualTo(before);
        assertThat(stored().version()).isEqualTo(5);
        assertThat(table.eventsAfter(D, 0)).isEqualTo(eventsBefore);
        assertThat(table.summaries()).isEqualTo(summariesBefore);
        assertThat(sent).hasSize(messagesBefore);
    }

    @Test
    void aRedeliveryOfTheLatestEventAloneChangesNothing() {
        deliver(0, 3);
        Document before = stored();

        projection.on(events.get(2), 2, at(2));

        assertThat(stored()).isEqualTo(before);
        assertThat(table.eventsAfter(D, 0)).hasSize(3);
        assertThat(sent).hasSize(3);

        deliver(3, 5); // and the stream goes on from there
        assertThat(stored()).isEqualTo(Fold.replay(events));
    }

    // ---------------------------------------------------------------- live changes

    @Test
    void eachEventIsToldLiveOnceWithTheParagraphsItChanged() throws Exception {
        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i, at(i));
            assertThat(sent).as("messages after event %d", i + 1).hasSize(i + 1);
        }

        for (Message<?> message : sent) {
            assertThat(SimpMessageHeaderAccessor.getDestination(message.getHeaders())).isEqualTo("/topic/drafts." + D);
            assertThat(message.getPayload()).isInstanceOf(LiveChange.class);
        }
        List<LiveChange> changes = liveChanges();
        assertThat(changes).extracting(LiveChange::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(changes).extracting(LiveChange::draftId).containsOnly(D);
        assertThat(changes).extracting(LiveChange::type).containsExactly("DraftImported", "DelegationAdmitted",
                "TextBracketed", "AlternativeProposed", "AlternativeAccepted");
        assertThat(changes).extracting(LiveChange::status).containsExactly("ZERO_DRAFT", "ZERO_DRAFT",
                "UNDER_NEGOTIATION", "UNDER_NEGOTIATION", "UNDER_NEGOTIATION");
        assertThat(changes).extracting(LiveChange::actor).containsExactly(SECRETARIAT, SECRETARIAT, KAZ, TJK, CHAIR);
        for (int i = 0; i < changes.size(); i++) {
            assertThat(changes.get(i).timestamp()).isEqualTo(at(i));
            assertThat(changes.get(i).payload()).as("lean: the payload is for /events").isNull();
            assertThat(table.eventsAfter(D, i).get(0).payload()).isEqualTo(json.valueToTree(events.get(i)));
        }

        // the import brings every paragraph; admitting KAZ links it in the opening paragraph only
        Document imported = Fold.replay(events.subList(0, 1));
        assertThat(changes.get(0).paragraphs()).extracting(DraftView.ParagraphView::paragraphId)
                .containsExactlyElementsOf(imported.paragraphs().stream().map(Paragraph::id).toList());
        String opening = imported.section(Section.PREAMBLE).get(0).id();
        assertThat(changes.get(1).paragraphs()).extracting(DraftView.ParagraphView::paragraphId)
                .containsExactly(opening);

        // bracketing changes PP (v) alone, and the client gets it rendered with the bracket
        LiveChange bracketed = changes.get(2);
        assertThat(bracketed.paragraphs()).hasSize(1);
        DraftView.ParagraphView v = bracketed.paragraphs().get(0);
        assertThat(v.paragraphId()).isEqualTo(ppV);
        assertThat(v.number()).isEqualTo("v");
        assertThat(v.text()).contains("[manage borders][secure borders]");
        assertThat(v.brackets()).extracting(DraftView.BracketView::bracketId).containsExactly("b3");

        assertThat(changes.get(3).paragraphs()).singleElement().satisfies(p ->
                assertThat(p.text()).contains("[manage borders][secure borders][control borders]"));

        // accepting resolves the bracket into the chosen words
        assertThat(changes.get(4).paragraphs()).singleElement().satisfies(p -> {
            assertThat(p.text()).contains("migration, secure borders, stem terrorist threats").doesNotContain("[");
            assertThat(p.brackets()).isEmpty();
        });

        // what the broker puts on the wire is this change as JSON
        String wire = json.writeValueAsString(bracketed);
        assertThat(json.readTree(wire).get("paragraphs").get(0).get("text").asText())
                .contains("[manage borders][secure borders]");
        assertThat(json.readTree(wire).get("timestamp").asText()).isEqualTo(at(2).toString());
        assertThat(json.readTree(wire).has("payload")).isFalse();
    }

    @Test
    void catchingUpFromAnyVersionGivesExactlyWhatLiveClientsReceivedWithThePayload() throws Exception {
        deliver(0, events.size());
        List<LiveChange> live = liveChanges();

        for (int after = 0; after <= events.size(); after++) {
            List<LiveChange> caughtUp = table.eventsAfter(D, after).stream().map(LiveChange::lean).toList();
            assertThat(asStoredJson(caughtUp)).as("/events?after=%d", after)
                    .isEqualTo(asStoredJson(live.subList(after, live.size())));
        }
    }

    @Test
    void aChangeSaysWhereItPutParagraphsSoThatAClientKeepsThemInOrder() {
        deliver(0, events.size());
        projection.on(new ParagraphProposed(D, "p6", Section.PREAMBLE, ppV, "v bis",
                List.of(new Wording.Text("*Noting* the new paragraph,")), KAZ), 5, at(5));

        List<LiveChange> changes = liveChanges();
        List<String> client = new ArrayList<>();
        for (LiveChange change : changes) {
            client.removeAll(change.removed());
            for (LiveChange.Placement placement : change.placed()) {
                client.remove(placement.paragraphId());
                client.add(placement.after() == null ? 0 : client.indexOf(placement.after()) + 1,
                        placement.paragraphId());
            }
        }
        assertThat(client).isEqualTo(stored().paragraphs().stream().map(Paragraph::id).toList());

        assertThat(changes.get(0).placed()).as("the import places every paragraph")
                .hasSize(Fold.replay(events.subList(0, 1)).paragraphs().size());
        assertThat(changes.subList(1, 5)).as("brackets place nothing").allSatisfy(c -> {
            assertThat(c.placed()).isEmpty();
            assertThat(c.removed()).isEmpty();
        });
        String next = client.get(client.indexOf("p6") + 1);
        assertThat(changes.get(5).placed()).containsExactly(new LiveChange.Placement("p6", ppV),
                new LiveChange.Placement(next, "p6"));
        assertThat(changes.get(5).paragraphs()).extracting(DraftView.ParagraphView::paragraphId).containsExactly("p6");
    }

    @Test
    void movesAndRemovalsArePlacedTooWhateverTheEvent() {
        Document one = Fold.replay(events.subList(0, 1));
        List<Paragraph> paragraphs = new ArrayList<>(one.paragraphs());
        Paragraph moved = paragraphs.remove(1);
        paragraphs.add(4, moved);
        Paragraph gone = paragraphs.remove(0);
        Document two = one.withVersion(2).withParagraphs(paragraphs);

        List<String> client = new ArrayList<>(one.paragraphs().stream().map(Paragraph::id).toList());
        client.removeAll(LiveChange.removed(one, two));
        for (LiveChange.Placement placement : LiveChange.placed(one, two)) {
            client.remove(placement.paragraphId());
            client.add(placement.after() == null ? 0 : client.indexOf(placement.after()) + 1, placement.paragraphId());
        }

        assertThat(client).isEqualTo(paragraphs.stream().map(Paragraph::id).toList());
        assertThat(LiveChange.removed(one, two)).containsExactly(gone.id());
        assertThat(LiveChange.placed(one, two)).hasSizeLessThanOrEqualTo(4);
    }

    /**
     * What a change tells (placed, removed, changed paragraphs) is computed in the window between what two versions
     * share; over random edits of a few paragraphs each (moves, removals, insertions, new content) it is what
     * comparing the whole of both versions tells, and a client applying it has the paragraphs in order.
     */
    @Test
    void theWindowTellsWhatComparingWholeVersionsTells() {
        Document one = Fold.replay(events.subList(0, 1));
        java.util.Random random = new java.util.Random(2026);
        for (int run = 0; run < 500; run++) {
            List<Paragraph> paragraphs = new ArrayList<>(one.paragraphs());
            for (int edit = random.nextInt(4); edit >= 0; edit--) {
                int at = random.nextInt(paragraphs.size());
                switch (random.nextInt(4)) {
                    case 0 -> {
                        Paragraph moving = paragraphs.remove(at);
                        paragraphs.add(random.nextInt(paragraphs.size() + 1), moving);
                    }
                    case 1 -> {
                        if (paragraphs.size() > 1) {
                            paragraphs.remove(at);
                        }
                    }
                    case 2 -> paragraphs.add(random.nextInt(paragraphs.size() + 1), new Paragraph("n" + run + "." + edit,
                            Section.OPERATIVE, null, ParagraphStatus.PENDING, List.of(new Inline.Text("new " + edit))));
                    default -> paragraphs.set(at, paragraphs.get(at).withContent(List.of(new Inline.Text("changed"))));
                }
            }
            Document two = one.withVersion(2).withParagraphs(paragraphs);

            List<String> before = one.paragraphs().stream().map(Paragraph::id).toList();
            List<String> after = paragraphs.stream().map(Paragraph::id).toList();
            assertThat(LiveChange.removed(one, two)).isEqualTo(before.stream().filter(id -> !after.contains(id)).toList());
            assertThat(LiveChange.changedParagraphs(one, two)).extracting(DraftView.ParagraphView::paragraphId)
                    .isEqualTo(paragraphs.stream().filter(p -> !p.equals(one.paragraph(p.id()).orElse(null)))
                            .map(Paragraph::id).toList());
            // placed as the whole comparison places: each paragraph whose predecessor among those kept changed
            List<String> kept = before.stream().filter(after::contains).toList();
            List<LiveChange.Placement> whole = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                String id = after.get(i);
                int k = kept.indexOf(id);
                String now = i == 0 ? null : after.get(i - 1);
                if (k < 0 || !java.util.Objects.equals(k == 0 ? null : kept.get(k - 1), now)) {
                    whole.add(new LiveChange.Placement(id, now));
                }
            }
            assertThat(LiveChange.placed(one, two)).isEqualTo(whole);
            List<String> client = new ArrayList<>(before);
            client.removeAll(LiveChange.removed(one, two));
            for (LiveChange.Placement placement : LiveChange.placed(one, two)) {
                client.remove(placement.paragraphId());
                client.add(placement.after() == null ? 0 : client.indexOf(placement.after()) + 1, placement.paragraphId());
            }
            assertThat(client).isEqualTo(after);
        }
    }

    @Test
    void aBatchOfEventsIsToldInVersionOrderOnceItCommits() {
        deliver(0, 1);
        int before = sent.size();

        // the tracking processor hands over events in batches, each batch in one unit of work
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(events.get(1)));
        deliver(1, events.size());
        assertThat(sent).as("not before the commit").hasSize(before);
        batch.commit();

        assertThat(liveChanges().subList(before, sent.size())).extracting(LiveChange::version)
                .containsExactly(2L, 3L, 4L, 5L);
        assertThat(stored()).as("saved once the batch commits").isEqualTo(Fold.replay(events));
    }

    // ---------------------------------------------------------------- the view

    @Test
    void theViewShowsBracketsWithWhoRaisedThemAndTheirAlternatives() {
        deliver(0, 4);

        DraftView view = DraftView.of(stored());

        assertThat(view.draftId()).isEqualTo(D);
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.status()).isEqualTo(DraftStatus.UNDER_NEGOTIATION);
        assertThat(view.reference()).isEqualTo("Almaty Process/03/01/2013");
        assertThat(view.participants()).extracting(DraftView.ParticipantView::code).contains("kaz");
        assertThat(view.participants()).filteredOn(p -> "kaz".equals(p.code())).singleElement()
                .isEqualTo(new DraftView.ParticipantView("t2", "kaz", "the Republic of Kazakhstan",
                        Participation.CONFIRMED, false));

        DraftView.ParagraphView v = view.paragraphs().stream().filter(p -> p.paragraphId().equals(ppV))
                .findFirst().orElseThrow();
        assertThat(v.section()).isEqualTo(Section.PREAMBLE);
        assertThat(v.text()).contains("migration, [manage borders][secure borders][control borders], stem");
        assertThat(v.brackets()).containsExactly(new DraftView.BracketView("b3", "KAZ", Inline.Bracket.Kind.WORDS,
                List.of(new DraftView.AlternativeView("a3", "manage borders", null, List.of(), List.of(), ""),
                        new DraftView.AlternativeView("a3.2", "secure borders", "KAZ", List.of(), List.of(), "(KAZ)"),
                        new DraftView.AlternativeView("a4", "control borders", "TJK", List.of(), List.of(),
                                "(TJK)"))));

        // paragraphs without brackets list none
        assertThat(view.paragraphs()).filteredOn(p -> !p.paragraphId().equals(ppV))
                .allSatisfy(p -> assertThat(p.brackets()).isEmpty());

        deliver(4, 5);
        DraftView accepted = DraftView.of(stored());
        assertThat(accepted.paragraphs()).allSatisfy(p -> assertThat(p.brackets()).isEmpty());
    }

    @Test
    void theLeanFormCarriesWhoHoldsEachAlternativeInItsContentInsteadOfTextAndBrackets() throws Exception {
        deliver(0, 4);
        JsonNode full = json.valueToTree(DraftView.of(stored()));
        JsonNode lean = json.valueToTree(LeanDraft.of(stored(), true));
        JsonNode header = json.valueToTree(LeanDraft.of(stored(), false));

        JsonNode v = paragraph(lean, ppV);
        assertThat(v.has("text")).isFalse();
        assertThat(v.has("brackets")).isFalse();
        JsonNode bracket = v.get("content").findParents("bracketId").get(0);
        assertThat(bracket.get("raisedBy").asText()).isEqualTo("KAZ");
        assertThat(bracket.get("alternatives").get(1).get("proposedBy").asText()).isEqualTo("KAZ");
        assertThat(bracket.get("alternatives").get(1).get("attribution").asText()).isEqualTo("(KAZ)");
        assertThat(bracket.get("alternatives").get(1).get("content").get(0).get("text").asText()).isEqualTo("secure borders");
        assertThat(bracket.get("alternatives").get(1).has("supporters")).as("none: left out").isFalse();
        // the rest as the full form has it; the full form's content names no holders
        assertThat(v.get("label")).isEqualTo(paragraph(full, ppV).get("label"));
        assertThat(paragraph(full, ppV).get("content").findParents("bracketId").get(0).has("raisedBy")).isFalse();
        assertThat(paragraph(full, ppV).get("content").findValues("proposedBy")).isEmpty();
        assertThat(lean.size()).isEqualTo(full.size());
        full.fieldNames().forEachRemaining(field -> {
            if (!field.equals("paragraphs")) {
                assertThat(lean.get(field)).as(field).isEqualTo(full.get(field));
                assertThat(header.get(field)).as(field).isEqualTo(full.get(field));
            }
        });
        assertThat(header.has("paragraphs")).isFalse();
        assertThat(json.writeValueAsString(lean).length()).isLessThan(json.writeValueAsString(full).length());
    }

    private static JsonNode paragraph(JsonNode doc, String paragraphId) {
        for (JsonNode p : doc.get("paragraphs")) {
            if (p.get("paragraphId").asText().equals(paragraphId)) {
                return p;
            }
        }
        throw new AssertionError("no paragraph " + paragraphId);
    }

    // ---------------------------------------------------------------- reset

    @Test
    void resetEmptiesBothTables() {
        deliver(0, events.size());
        projection.on(new DraftCreated("d2", "TEST/2", "Another Text", "Declaration", "01/07/2025", "Geneva",
                SECRETARIAT), 0, at(10));
        assertThat(count("draft")).isEqualTo(2);
        assertThat(count("draft_event")).isEqualTo(6);

        projection.reset();

        assertThat(count("draft")).isZero();
        assertThat(count("draft_event")).isZero();
        assertThat(table.summaries()).isEmpty();
        assertThat(table.document(D)).isEmpty();
        assertThat(table.eventsAfter(D, 0)).isEmpty();

        // and a replay from the start rebuilds the same draft
        deliver(0, events.size());
        assertThat(stored()).isEqualTo(Fold.replay(events));
        assertThat(table.eventsAfter(D, 0)).hasSize(5);
    }

    /** The event as JSON text reads back (numbers as the smallest node that holds them, as from JSONB). */
    private JsonNode asStoredJson(Object value) throws Exception {
        return json.readTree(json.writeValueAsString(value));
    }

    private long count(String tableName) {
        return db.sql("SELECT count(*) FROM " + tableName).query(Long.class).single();
    }
}
