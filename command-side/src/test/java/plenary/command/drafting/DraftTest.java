package plenary.command.drafting;

import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import plenary.command.input.Limits;
import plenary.drafting.DraftCommand;
import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.CreateDraft;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.draft.ImportDraft;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.participants.AdmitDelegation;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.FinaliseDraft;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.Document;
import plenary.text.EventText;
import plenary.text.Fold;
import plenary.text.IdAllocator;
import plenary.text.Participant;
import plenary.text.markdown.MarkdownImporter;
import plenary.text.markdown.MarkdownRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static plenary.drafting.Participation.CONFIRMED;
import static plenary.drafting.Participation.PENDING;
import static plenary.drafting.Section.OPERATIVE;
import static plenary.drafting.Section.PREAMBLE;

class DraftTest {

    private static final String DRAFT = "d1";
    private static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    private static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    private static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);
    private static final Actor TJK = Actor.of("tjk", Role.DELEGATION); // never admitted
    private static final Actor OBSERVER = Actor.of("observer", Role.OBSERVER);
    private static final Actor AUDITOR = Actor.of("auditor", Role.AUDITOR);

    /** The seed text lives with the text model's tests; Maven runs these from the command-side directory. */
    private static final Path SEED = Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");

    // The history the tests start from; ids follow IdAllocator: an event at version v allocates p<v>, b<v>, a<v>.2 …
    private static final DraftCreated CREATED =
            new DraftCreated(DRAFT, "TEST/1", "A Test Communiqué", "Communiqué", null, null, SECRETARIAT); // v1
    private static final DelegationAdmitted KAZ_ADMITTED =
            new DelegationAdmitted(DRAFT, "t2", "kaz", "the Republic of Kazakhstan", CONFIRMED, SECRETARIAT); // v2
    private static final ParagraphProposed OP1 = new ParagraphProposed(DRAFT, "p3", OPERATIVE, null, "1",
            text("Develop and strengthen the Almaty Process"), KAZ); // v3
    private static final ParagraphProposed OP2 = new ParagraphProposed(DRAFT, "p4", OPERATIVE, null, "2",
            text("Endorse the Operating Modalities"), KAZ); // v4
    private static final TextBracketed BRACKETED = new TextBracketed(DRAFT, "p3", "b5", "and strengthen", 1, "a5.2",
            List.of(new Wording.Alternative("a5.3", "KAZ", text("and enhance"))), null, KAZ); // v5

    private static final Object[] NEGOTIATING = {CREATED, KAZ_ADMITTED, OP1, OP2};
    private static final Object[] WITH_BRACKET = {CREATED, KAZ_ADMITTED, OP1, OP2, BRACKETED};

    private FixtureConfiguration<Draft> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Draft.class);
        fixture.registerInjectableResource(Limits.DEFAULTS);
        // production resolves the target through the "draftTargetResolver" bean, which the fixture does not see
        fixture.registerCommandTargetResolver(
                command -> new VersionedAggregateIdentifier(((DraftCommand) command.getPayload()).draftId(), null));
    }

    private static List<Wording> text(String text) {
        return List.of(new Wording.Text(text));
    }

    private static String seed() throws IOException {
        return Files.readString(SEED, StandardCharsets.UTF_8);
    }

    private static Document parsedSeed() throws IOException {
        return MarkdownImporter.parse(seed(), new IdAllocator(1), "Secretariat");
    }

    private static Matcher<Object> conflict(Predicate<Map<String, Object>> details) {
        return Matchers.predicate(e -> e instanceof Refusal.Conflict c && details.test(c.details()));
    }

    private static Document folded(Object... events) {
        return Fold.replay(Stream.of(events).map(DraftEvent.class::cast).toList());
    }

    // ------------------------------------------------------------ creating a draft

    @Test
    void theSecretariatCreatesADraft() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(DRAFT, " TEST/1 ", " A Test ", "Communiqué", "01/01/2025", "Geneva", SECRETARIAT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DraftCreated(DRAFT, "TEST/1", "A Test", "Communiqué", "01/01/2025", "Geneva",
                        SECRETARIAT));
    }

    @Test
    void theKindIsRecordedByItsLabel() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(DRAFT, "TEST/1", "A Test", "COMMUNIQUE", null, null, SECRETARIAT))
                .expectEvents(new DraftCreated(DRAFT, "TEST/1", "A Test", "Communiqué", null, null, SECRETARIAT));
    }

    @Test
    void theChairMayNotCreateADraft() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(DRAFT, "TEST/1", "A Test", "communique", null, null, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aDraftNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(DRAFT, "TEST/1", "  ", "communique", null, null, SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aDraftNeedsAReference() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(DRAFT, null, "A Test", "communique", null, null, SECRETARIAT))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void anUnknownKindIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(DRAFT, "TEST/1", "A Test", "memorandum", null, null, SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aMissingKindIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(DRAFT, "TEST/1", "A Test", null, null, null, SECRETARIAT))
                .expectException(Refusal.Invalid.class);
    }

    // ------------------------------------------------------------ importing a text

    @Test
    void theSecretariatImportsTheSeed() throws IOException {
        fixture.givenNoPriorActivity()
                .when(new ImportDraft(DRAFT, seed(), SECRETARIAT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DraftImported(DRAFT, EventText.whole(parsedSeed()), SECRETARIAT));
    }

    @Test
    void aDelegationMayNotImport() throws IOException {
        fixture.givenNoPriorActivity()
                .when(new ImportDraft(DRAFT, seed(), KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void anEmptyTextIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new ImportDraft(DRAFT, " \n ", SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aTextWithoutParagraphsIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new ImportDraft(DRAFT, "Ref: TEST/1\n\nDate: 01/01/2025\n\nDraft\n\n**A Test**\n", SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ admitting delegations

    @Test
    void theSecretariatAdmitsADelegation() {
        fixture.given(CREATED)
                .when(new AdmitDelegation(DRAFT, "KGZ", " the Kyrgyz Republic ", PENDING, SECRETARIAT))
                .expectEvents(new DelegationAdmitted(DRAFT, "t2", "kgz", "the Kyrgyz Republic", PENDING, SECRETARIAT))
                .expectResultMessagePayload(new Receipt(2, null, null));
    }

    @Test
    void aDelegationIsAdmittedOnlyOnce() {
        fixture.given(CREATED, KAZ_ADMITTED)
                .when(new AdmitDelegation(DRAFT, "KAZ", "Kazakhstan", CONFIRMED, SECRETARIAT))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theCodeIsAnAlpha3Code() {
        fixture.given(CREATED)
                .when(new AdmitDelegation(DRAFT, "KZ1", "the Republic of Kazakhstan", CONFIRMED, SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void participationIsRequired() {
        fixture.given(CREATED)
                .when(new AdmitDelegation(DRAFT, "KAZ", "the Republic of Kazakhstan", null, SECRETARIAT))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void onlyTheSecretariatAdmits() {
        fixture.given(CREATED)
                .when(new AdmitDelegation(DRAFT, "KAZ", "the Republic of Kazakhstan", CONFIRMED, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void anAdmittedDelegationMayNotAdmitAnother() {
        fixture.given(CREATED, KAZ_ADMITTED)
                .when(new AdmitDelegation(DRAFT, "KGZ", "the Kyrgyz Republic", CONFIRMED, KAZ))
                .expectException(Refusal.Forbidden.class);
    }

    @Test
    void aDelegationNamedAsAPendingParticipantTakesOverThatParticipant() throws IOException {
        Document seed = parsedSeed();
        Participant iran = seed.participants().stream()
                .filter(p -> p.name().equals("the Islamic Republic of Iran")).findFirst().orElseThrow();

        fixture.given(new DraftImported(DRAFT, EventText.whole(seed), SECRETARIAT))
                .when(new AdmitDelegation(DRAFT, "IRN", "the Islamic Republic of Iran", CONFIRMED, SECRETARIAT))
                .expectEvents(new DelegationAdmitted(DRAFT, iran.id(), "irn", "the Islamic Republic of Iran",
                        CONFIRMED, SECRETARIAT));
    }

    // ------------------------------------------------------------ proposing paragraphs

    @Test
    void anAdmittedDelegationProposesAParagraphNumberedAtTheEnd() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, null, "Request the *Secretariat* to report", KAZ))
                .expectEvents(new ParagraphProposed(DRAFT, "p5", OPERATIVE, null, "3",
                        List.of(new Wording.Text("Request the "),
                                new Wording.Emphasis(text("Secretariat")),
                                new Wording.Text(" to report")), KAZ))
                .expectResultMessagePayload(new Receipt(5, "p5", null));
    }

    @Test
    void aParagraphInsertedBetweenTwoIsNumberedBis() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, "p3", "Welcome the new members", CHAIR))
                .expectEvents(new ParagraphProposed(DRAFT, "p5", OPERATIVE, "p3", "1bis",
                        text("Welcome the new members"), CHAIR));
    }

    @Test
    void bracketsInTheProposedTextGetIdsOfTheSameEvent() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, null, "Report [annually][biennially]", KAZ))
                .expectEvents(new ParagraphProposed(DRAFT, "p5", OPERATIVE, null, "3", List.of(
                        new Wording.Text("Report "),
                        new Wording.Bracket("b5.2", "KAZ", List.of(
                                new Wording.Alternative("a5.3", "KAZ", text("annually")),
                                new Wording.Alternative("a5.4", "KAZ", text("biennially"))),
                                Wording.BracketKind.WORDS)), KAZ));
    }

    @Test
    void aDelegationNotAdmittedMayNotPropose() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, null, "Something", TJK))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void anObserverMayNotPropose() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, null, "Something", OBSERVER))
                .expectException(Refusal.Forbidden.class);
    }

    @Test
    void anAuditorMayNotPropose() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, null, "Something", AUDITOR))
                .expectException(Refusal.Forbidden.class);
    }

    @Test
    void anUnknownParagraphToFollowIsNotFound() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, "p99", "Something", KAZ))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void theParagraphToFollowMustBeInTheSameSection() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, PREAMBLE, "p3", "*Noting* something,", KAZ))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void theSectionIsRequired() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, null, null, "Something", KAZ))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void theTextIsRequired() {
        fixture.given(NEGOTIATING)
                .when(new ProposeParagraph(DRAFT, OPERATIVE, null, " ", KAZ))
                .expectException(Refusal.Invalid.class);
    }

    // ------------------------------------------------------------ bracketing text

    @Test
    void aDelegationBracketsWordsOfferingAlternatives() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p3", "and strengthen", 1, List.of("and enhance"), "too strong", KAZ))
                .expectEvents(new TextBracketed(DRAFT, "p3", "b5", "and strengthen", 1, "a5.2",
                        List.of(new Wording.Alternative("a5.3", "KAZ", text("and enhance"))), "too strong", KAZ))
                .expectResultMessagePayload(new Receipt(5, "b5", null));
    }

    @Test
    void anEmptyAlternativeOfferedWithTheBracketProposesDeletion() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p3", "and strengthen", 1, List.of(""), null, KAZ))
                .expectEvents(new TextBracketed(DRAFT, "p3", "b5", "and strengthen", 1, "a5.2",
                        List.of(new Wording.Alternative("a5.3", "KAZ", List.of())), null, KAZ));
    }

    @Test
    void occurrenceZeroMeansTheFirst() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p3", "Almaty", 0, null, null, CHAIR))
                .expectEvents(new TextBracketed(DRAFT, "p3", "b5", "Almaty", 1, "a5.2", List.of(), null, CHAIR));
    }

    @Test
    void aNegativeOccurrenceIsInvalid() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p3", "Almaty", -1, null, null, KAZ))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void aQuoteNotInTheParagraphConflictsAndShowsTheParagraph() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p3", "manage borders", 1, null, null, KAZ))
                .expectException(conflict(details -> details.get("paragraph") instanceof Map<?, ?> p
                        && "p3".equals(p.get("paragraphId"))
                        && "Develop and strengthen the Almaty Process".equals(p.get("text"))))
                .expectNoEvents();
    }

    @Test
    void aQuoteCuttingABracketInHalfConflicts() {
        fixture.given(WITH_BRACKET)
                .when(new BracketText(DRAFT, "p3", "strengthen][and", 1, null, null, KAZ))
                .expectException(conflict(details -> details.get("paragraph") instanceof Map<?, ?> p
                        && "Develop [and strengthen][and enhance] the Almaty Process".equals(p.get("text"))))
                .expectNoEvents();
    }

    @Test
    void aQuoteMayNestInsideAnExistingBracket() {
        fixture.given(WITH_BRACKET)
                .when(new BracketText(DRAFT, "p3", "enhance", 1, null, null, KAZ))
                .expectEvents(new TextBracketed(DRAFT, "p3", "b6", "enhance", 1, "a6.2", List.of(), null, KAZ));
    }

    @Test
    void anUnknownParagraphIsNotFound() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p99", "Develop", 1, null, null, KAZ))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void theSecretariatMayNotBracket() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p3", "Develop", 1, null, null, SECRETARIAT))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theQuoteIsRequired() {
        fixture.given(NEGOTIATING)
                .when(new BracketText(DRAFT, "p3", "", 1, null, null, KAZ))
                .expectException(Refusal.Invalid.class);
    }

    // ------------------------------------------------------------ proposing alternatives

    @Test
    void theChairProposesAnAlternative() {
        fixture.given(WITH_BRACKET)
                .when(new ProposeAlternative(DRAFT, "b5", "and *consolidate*", CHAIR))
                .expectEvents(new AlternativeProposed(DRAFT, "b5", "a6",
                        List.of(new Wording.Text("and "), new Wording.Emphasis(text("consolidate"))), CHAIR))
                .expectResultMessagePayload(new Receipt(6, "a6", null));
    }

    @Test
    void anEmptyTextProposesDeletion() {
        fixture.given(WITH_BRACKET)
                .when(new ProposeAlternative(DRAFT, "b5", "", KAZ))
                .expectEvents(new AlternativeProposed(DRAFT, "b5", "a6", List.of(), KAZ));
    }

    @Test
    void aNullTextIsInvalid() {
        fixture.given(WITH_BRACKET)
                .when(new ProposeAlternative(DRAFT, "b5", null, KAZ))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void anAlternativeForAnUnknownBracketIsNotFound() {
        fixture.given(WITH_BRACKET)
                .when(new ProposeAlternative(DRAFT, "b99", "and enhance", KAZ))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void aDelegationNotAdmittedMayNotProposeAnAlternative() {
        fixture.given(WITH_BRACKET)
                .when(new ProposeAlternative(DRAFT, "b5", "and enhance", TJK))
                .expectException(Refusal.Forbidden.class);
    }

    // ------------------------------------------------------------ accepting alternatives

    @Test
    void theChairAcceptsAnAlternative() {
        fixture.given(WITH_BRACKET)
                .when(new AcceptAlternative(DRAFT, "b5", "a5.3", CHAIR))
                .expectEvents(new AlternativeAccepted(DRAFT, "b5", "a5.3", CHAIR))
                .expectResultMessagePayload(new Receipt(6, null, null));
    }

    @Test
    void theSecretariatMayAcceptToo() {
        fixture.given(WITH_BRACKET)
                .when(new AcceptAlternative(DRAFT, "b5", "a5.2", SECRETARIAT))
                .expectEvents(new AlternativeAccepted(DRAFT, "b5", "a5.2", SECRETARIAT));
    }

    @Test
    void anAcceptedBracketIsGone() {
        fixture.given(WITH_BRACKET).andGiven(new AlternativeAccepted(DRAFT, "b5", "a5.3", CHAIR))
                .when(new ProposeAlternative(DRAFT, "b5", "and consolidate", KAZ))
                .expectException(Refusal.NotFound.class);
    }

    @Test
    void aDelegationMayNotAccept() {
        fixture.given(WITH_BRACKET)
                .when(new AcceptAlternative(DRAFT, "b5", "a5.3", KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownAlternativeIsNotFound() {
        fixture.given(WITH_BRACKET)
                .when(new AcceptAlternative(DRAFT, "b5", "a9", CHAIR))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void acceptingInAnUnknownBracketIsNotFound() {
        fixture.given(WITH_BRACKET)
                .when(new AcceptAlternative(DRAFT, "b9", "a5.3", CHAIR))
                .expectException(Refusal.NotFound.class);
    }

    // ------------------------------------------------------------ finalising

    @Test
    void theSecretariatFinalisesACleanTextRecordingItsHash() {
        String hash = MarkdownRenderer.contentHash(Fold.asFinal(folded(NEGOTIATING)));

        fixture.given(NEGOTIATING)
                .when(new FinaliseDraft(DRAFT, SECRETARIAT))
                .expectEvents(new DraftFinalised(DRAFT, hash, SECRETARIAT))
                .expectResultMessagePayload(new Receipt(5, null, hash));
    }

    @Test
    void aTextWhoseBracketsWereAcceptedMayBeFinalised() {
        AlternativeAccepted accepted = new AlternativeAccepted(DRAFT, "b5", "a5.3", CHAIR);
        Document settled = Fold.apply(folded(WITH_BRACKET), accepted);

        fixture.given(WITH_BRACKET).andGiven(accepted)
                .when(new FinaliseDraft(DRAFT, SECRETARIAT))
                .expectEvents(new DraftFinalised(DRAFT, MarkdownRenderer.contentHash(Fold.asFinal(settled)),
                        SECRETARIAT));
    }

    @Test
    void openBracketsBlockFinalisingAndAreListed() {
        fixture.given(WITH_BRACKET)
                .when(new FinaliseDraft(DRAFT, SECRETARIAT))
                .expectException(conflict(details -> details.get("openBrackets").equals(List.of(Map.of(
                        "bracketId", "b5",
                        "paragraphId", "p3",
                        "text", "[and strengthen][and enhance]")))))
                .expectNoEvents();
    }

    @Test
    void pendingParticipantsDoNotBlockFinalising() throws IOException {
        Document seed = parsedSeed();
        DraftImported imported = new DraftImported(DRAFT, EventText.whole(seed), SECRETARIAT);
        String hash = MarkdownRenderer.contentHash(Fold.asFinal(folded(imported)));

        fixture.given(imported)
                .when(new FinaliseDraft(DRAFT, SECRETARIAT))
                .expectEvents(new DraftFinalised(DRAFT, hash, SECRETARIAT));
    }

    @Test
    void aDelegationMayNotFinalise() {
        fixture.given(NEGOTIATING)
                .when(new FinaliseDraft(DRAFT, KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theChairMayNotFinalise() {
        fixture.given(NEGOTIATING)
                .when(new FinaliseDraft(DRAFT, CHAIR))
                .expectException(Refusal.Forbidden.class);
    }

    // ------------------------------------------------------------ a final draft

    static Stream<DraftCommand> everyCommand() {
        return Stream.of(
                new AdmitDelegation(DRAFT, "KGZ", "the Kyrgyz Republic", CONFIRMED, SECRETARIAT),
                new ProposeParagraph(DRAFT, OPERATIVE, null, "Something new", KAZ),
                new BracketText(DRAFT, "p3", "Develop", 1, null, null, KAZ),
                new ProposeAlternative(DRAFT, "b5", "and enhance", CHAIR),
                new AcceptAlternative(DRAFT, "b5", "a5.3", CHAIR),
                new FinaliseDraft(DRAFT, SECRETARIAT));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void aFinalDraftRefusesEveryChange(DraftCommand command) {
        fixture.given(NEGOTIATING).andGiven(new DraftFinalised(DRAFT, "hash", SECRETARIAT))
                .when(command)
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }
}
