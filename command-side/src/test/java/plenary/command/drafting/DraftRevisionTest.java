package plenary.command.drafting;

import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import plenary.command.input.Limits;
import plenary.drafting.DraftCommand;
import plenary.drafting.TextParagraph;
import plenary.drafting.WholeText;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.draft.DraftRevisedFromText;
import plenary.drafting.draft.ReviseDraftFromText;
import plenary.drafting.procedure.DraftFinalised;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.EventText;
import plenary.text.IdAllocator;
import plenary.text.markdown.MarkdownImporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;


/** A chair's new text of an existing draft: who may send one, and what it records. */
class DraftRevisionTest {

    private static final String DRAFT = "d1";
    private static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    private static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    private static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);
    private static final Path SEED = Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");

    private FixtureConfiguration<Draft> fixture;
    private String seed;
    private DraftImported imported;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new AggregateTestFixture<>(Draft.class);
        fixture.registerInjectableResource(Limits.DEFAULTS);
        fixture.registerCommandTargetResolver(
                command -> new VersionedAggregateIdentifier(((DraftCommand) command.getPayload()).draftId(), null));
        seed = Files.readString(SEED, StandardCharsets.UTF_8);
        imported = new DraftImported(DRAFT, EventText.whole(MarkdownImporter.parse(seed, new IdAllocator(1), "Secretariat")),
                SECRETARIAT);
    }

    private String operativeTwo(WholeText text) {
        return text.paragraphs().stream().filter(p -> "2".equals(p.number())).map(TextParagraph::id).findFirst()
                .orElseThrow();
    }

    @Test
    void theChairsEditIsRecordedInTheChairsNameKeepingTheParagraph() {
        String rev = seed.replace("2. Endorse the **Operating Modalities**", "2. Endorse [and implement] the **Operating Modalities**");
        String op2 = operativeTwo(imported.document());

        fixture.given(imported)
                .when(new ReviseDraftFromText(DRAFT, rev, CHAIR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.predicate(
                        e -> e instanceof DraftRevisedFromText r && r.actor().equals(CHAIR)
                                && r.removed().isEmpty() && r.paragraphs().size() == 1
                                && r.paragraphs().get(0).id().equals(op2)), Matchers.andNoMore())));
    }

    @Test
    void theSameTextRecordsNothing() {
        fixture.given(imported)
                .when(new ReviseDraftFromText(DRAFT, seed, SECRETARIAT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDelegationMayNotReviseTheText() {
        fixture.given(imported)
                .when(new ReviseDraftFromText(DRAFT, seed, KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aTextWithoutParagraphsIsRefused() {
        fixture.given(imported)
                .when(new ReviseDraftFromText(DRAFT, "Ref: X\n\nDraft\n", CHAIR))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aFinalDraftCannotBeRevisedFromAText() {
        fixture.given(imported, new DraftFinalised(DRAFT, "hash", SECRETARIAT))
                .when(new ReviseDraftFromText(DRAFT, seed, CHAIR))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

}
