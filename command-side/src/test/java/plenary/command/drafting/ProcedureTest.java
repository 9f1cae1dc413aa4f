package plenary.command.drafting;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import plenary.drafting.DraftCommand;
import plenary.drafting.DraftEvent;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.ObjectToAlternative;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.brackets.ProposeBridgingText;
import plenary.drafting.brackets.ProposeDeletion;
import plenary.drafting.brackets.ProposeOption;
import plenary.drafting.brackets.SupportAlternative;
import plenary.drafting.brackets.WithdrawAlternative;
import plenary.drafting.brackets.WithdrawBracket;
import plenary.drafting.footnotes.AddFootnote;
import plenary.drafting.footnotes.RemoveFootnote;
import plenary.drafting.paragraphs.AgreeParagraph;
import plenary.drafting.paragraphs.MoveParagraph;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.paragraphs.RenumberParagraphs;
import plenary.drafting.paragraphs.SetParagraphStatus;
import plenary.drafting.paragraphs.WithdrawAgreement;
import plenary.drafting.participants.AdmitDelegation;
import plenary.drafting.participants.ChangeParticipation;
import plenary.drafting.participants.ParticipationChanged;
import plenary.drafting.procedure.BreakSilence;
import plenary.drafting.procedure.CorrigendumIssued;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.FinaliseDraft;
import plenary.drafting.procedure.IssueCorrigendum;
import plenary.drafting.procedure.IssueRevision;
import plenary.drafting.procedure.RevisionIssued;
import plenary.drafting.procedure.SilenceBroken;
import plenary.drafting.procedure.SilenceProcedureConcluded;
import plenary.drafting.procedure.SilenceProcedureStarted;
import plenary.drafting.procedure.SilenceSubject;
import plenary.drafting.procedure.StartSilenceProcedure;
import plenary.text.Document;
import plenary.text.EventText;
import plenary.text.Fold;
import plenary.text.Revision;
import plenary.text.SilenceProcedure;
import plenary.text.markdown.MarkdownRenderer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.command.drafting.Negotiation.CHAIR;
import static plenary.command.drafting.Negotiation.DRAFT;
import static plenary.command.drafting.Negotiation.HISTORY;
import static plenary.command.drafting.Negotiation.KAZ;
import static plenary.command.drafting.Negotiation.KGZ;
import static plenary.command.drafting.Negotiation.SECRETARIAT;
import static plenary.command.drafting.Negotiation.TJK;
import static plenary.command.drafting.Negotiation.folded;
import static plenary.command.drafting.Negotiation.history;
import static plenary.command.drafting.Negotiation.text;
import static plenary.drafting.Participation.CONFIRMED;
import static plenary.drafting.Participation.PENDING;
import static plenary.drafting.Section.OPERATIVE;

/**
 * The rules of issue 3 on the procedure, allowed and refused: revisions, silence procedures, finalising and the
 * corrigendum. The history is {@link Negotiation}'s.
 */
class ProcedureTest {

    private static final String SILENCE = SilenceDeadline.NAME;

    private FixtureConfiguration<Draft> fixture;

    @BeforeEach
    void setUp() {
        fixture = Negotiation.fixture();
    }

    private static Matcher<Object> conflict(Predicate<Map<String, Object>> details) {
        return Matchers.predicate(e -> e instanceof Refusal.Conflict c && details.test(c.details()));
    }

    /** An instant the real clock has not reached: the aggregate checks deadlines against it. */
    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    // ------------------------------------------------------------ revisions

    private static final RevisionIssued REV_1 = new RevisionIssued(DRAFT, "Rev.1", SECRETARIAT); // v8

    @Test
    void theFirstRevisionIsRev1AndStandsForItsOwnEvent() {
        fixture.given(HISTORY)
                .when(new IssueRevision(DRAFT, null, SECRETARIAT))
                .expectEvents(REV_1)
                .expectResultMessagePayload(new Receipt(8, "Rev.1", null));

        Document doc = folded(history(REV_1));
        assertThat(doc.revisions()).containsExactly(new Revision("Rev.1", 8));
        assertThat(doc.header().symbol()).isEqualTo("TEST/1/Rev.1");
    }

    @Test
    void theNextRevisionIsRev2() {
        RevisionIssued rev2 = new RevisionIssued(DRAFT, "Rev.2", SECRETARIAT);
        ParagraphProposed later = new ParagraphProposed(DRAFT, "p9", OPERATIVE, null, "3", text("Meet again"), KAZ);

        fixture.given(history(REV_1, later))
                .when(new IssueRevision(DRAFT, " ", SECRETARIAT))
                .expectEvents(rev2)
                .expectResultMessagePayload(new Receipt(10, "Rev.2", null));

        Document doc = folded(history(REV_1, later, rev2));
        assertThat(doc.revisions()).containsExactly(new Revision("Rev.1", 8), new Revision("Rev.2", 10));
        assertThat(doc.header().symbol()).isEqualTo("TEST/1/Rev.2");
    }

    @Test
    void theDefaultLabelNumbersOnFromTheHighestRevision() {
        fixture.given(history(new RevisionIssued(DRAFT, "Rev.2", SECRETARIAT)))
                .when(new IssueRevision(DRAFT, null, SECRETARIAT))
                .expectEvents(new RevisionIssued(DRAFT, "Rev.3", SECRETARIAT));
    }

    @Test
    void aRevisionMayCarryAGivenLabel() {
        fixture.given(HISTORY)
                .when(new IssueRevision(DRAFT, " L.1 ", SECRETARIAT))
                .expectEvents(new RevisionIssued(DRAFT, "L.1", SECRETARIAT));
    }

    @Test
    void aLabelIsIssuedOnlyOnce() {
        fixture.given(history(REV_1))
                .when(new IssueRevision(DRAFT, "Rev.1", SECRETARIAT))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aLabelIsASuffixNotASymbol() {
        fixture.given(HISTORY)
                .when(new IssueRevision(DRAFT, "L.1/Rev.1", SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theChairMayNotIssueARevision() {
        fixture.given(HISTORY)
                .when(new IssueRevision(DRAFT, null, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ silence procedure

    /** v8: KGZ's participation pending, so that there is something to confirm under silence. */
    private static final ParticipationChanged KGZ_PENDING = new ParticipationChanged(DRAFT, "t3", PENDING, SECRETARIAT);

    private static SilenceProcedureStarted started(String procedureId, Instant deadline, SilenceSubject subject) {
        return new SilenceProcedureStarted(DRAFT, procedureId, deadline, subject, SECRETARIAT);
    }

    @Test
    void theSecretariatStartsASilenceProcedureWithAnExactDeadline() {
        Instant deadline = inAnHour();

        fixture.given(HISTORY)
                .when(new StartSilenceProcedure(DRAFT, deadline, SilenceSubject.TEXT, SECRETARIAT))
                .expectEvents(started("s8", deadline, SilenceSubject.TEXT))
                .expectResultMessagePayload(new Receipt(8, "s8", null))
                .expectScheduledDeadlineWithName(deadline, SILENCE)
                .expectScheduledDeadline(deadline, new SilenceDeadline("s8", SECRETARIAT, DRAFT));
    }

    @Test
    void withoutASubjectPendingParticipationIsTheSubject() {
        Instant deadline = inAnHour();

        fixture.given(history(KGZ_PENDING))
                .when(new StartSilenceProcedure(DRAFT, deadline, null, SECRETARIAT))
                .expectEvents(new SilenceProcedureStarted(DRAFT, "s9", deadline, SilenceSubject.PARTICIPATION,
                        SECRETARIAT));
    }

    @Test
    void withoutASubjectOrPendingParticipantsTheTextIsTheSubject() {
        Instant deadline = inAnHour();

        fixture.given(HISTORY)
                .when(new StartSilenceProcedure(DRAFT, deadline, null, SECRETARIAT))
                .expectEvents(started("s8", deadline, SilenceSubject.TEXT));
    }

    @Test
    void silenceOnParticipationNeedsAPendingParticipant() {
        fixture.given(HISTORY)
                .when(new StartSilenceProcedure(DRAFT, inAnHour(), SilenceSubject.PARTICIPATION, SECRETARIAT))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeadlineInThePastIsInvalid() {
        fixture.given(HISTORY)
                .when(new StartSilenceProcedure(DRAFT, Instant.now().minusSeconds(60), SilenceSubject.TEXT,
                        SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeadlineIsRequired() {
        fixture.given(HISTORY)
                .when(new StartSilenceProcedure(DRAFT, null, SilenceSubject.TEXT, SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theChairDoesNotStartASilenceProcedure() {
        fixture.given(HISTORY)
                .when(new StartSilenceProcedure(DRAFT, inAnHour(), SilenceSubject.TEXT, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    /** Commands of the roles allowed to give them, each of which would succeed on {@link Negotiation#HISTORY}. */
    static Stream<DraftCommand> draftingCommands() {
        return Stream.of(
                new AdmitDelegation(DRAFT, "TKM", "Turkmenistan", CONFIRMED, SECRETARIAT),
                new ChangeParticipation(DRAFT, "KAZ", CONFIRMED, KAZ),
                new ProposeParagraph(DRAFT, OPERATIVE, null, "Meet again", KAZ),
                new BracketText(DRAFT, "p6", "Endorse", 1, List.of("Welcome"), null, KGZ),
                new ProposeAlternative(DRAFT, "b7", "and consolidate", KGZ),
                new AcceptAlternative(DRAFT, "b7", "a7.3", CHAIR),
                new SupportAlternative(DRAFT, "b7", "a7.3", KGZ),
                new ObjectToAlternative(DRAFT, "b7", "a7.3", KGZ),
                new WithdrawAlternative(DRAFT, "b7", "a7.3", KAZ),
                new WithdrawBracket(DRAFT, "b7", KAZ),
                new ProposeOption(DRAFT, "p6", "", KGZ),
                new ProposeBridgingText(DRAFT, "b7", List.of("a7.2", "a7.3"), "and consolidate", CHAIR),
                new ProposeDeletion(DRAFT, "p6", KGZ),
                new MoveParagraph(DRAFT, "p6", null, CHAIR),
                new RenumberParagraphs(DRAFT, SECRETARIAT),
                new SetParagraphStatus(DRAFT, "p5", ParagraphStatus.FIRST_READING, CHAIR),
                new AgreeParagraph(DRAFT, "p5", true, KAZ),
                new AddFootnote(DRAFT, "p6", null, "See the annex.", CHAIR),
                new StartSilenceProcedure(DRAFT, inAnHour(), SilenceSubject.TEXT, SECRETARIAT),
                new FinaliseDraft(DRAFT, SECRETARIAT));
    }

    @Test
    void everyDraftingCommandWouldSucceedOutsideASilenceProcedure() {
        // so that the refusals below are the procedure's doing; finalising waits for the open bracket
        draftingCommands().filter(c -> !(c instanceof FinaliseDraft)).forEach(command ->
                Negotiation.fixture().given(HISTORY).when(command).expectSuccessfulHandlerExecution());
        Negotiation.fixture().given(history(new AlternativeAccepted(DRAFT, "b7", "a7.3", CHAIR)))
                .when(new FinaliseDraft(DRAFT, SECRETARIAT)).expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @MethodSource("draftingCommands")
    void aRunningSilenceProcedureFreezesTheText(DraftCommand command) {
        fixture.given(history(started("s8", inAnHour(), SilenceSubject.TEXT)))
                .when(command)
                .expectException(conflict(details -> details.containsKey("silenceProcedure")))
                .expectNoEvents();
    }

    @Test
    void aDelegationBreaksSilenceAndTheDeadlineIsCancelled() {
        Instant deadline = inAnHour();
        SilenceBroken broken = new SilenceBroken(DRAFT, "s8", "We cannot join yet", KGZ);

        fixture.given(HISTORY)
                .andGivenCommands(new StartSilenceProcedure(DRAFT, deadline, SilenceSubject.TEXT, SECRETARIAT))
                .when(new BreakSilence(DRAFT, " We cannot join yet ", KGZ))
                .expectEvents(broken)
                .expectResultMessagePayload(new Receipt(9, null, null))
                .expectNoScheduledDeadlines();

        Document doc = folded(history(started("s8", deadline, SilenceSubject.TEXT), broken));
        assertThat(doc.silenceRunning()).isFalse();
        assertThat(doc.silenceProcedure().state()).isEqualTo(SilenceProcedure.State.BROKEN);
        assertThat(doc.silenceProcedure().brokenBy()).isEqualTo("KGZ");
    }

    @Test
    void afterSilenceIsBrokenNegotiationResumes() {
        fixture.given(history(started("s8", inAnHour(), SilenceSubject.TEXT),
                        new SilenceBroken(DRAFT, "s8", "We object", KGZ)))
                .when(new ProposeAlternative(DRAFT, "b7", "and consolidate", KGZ))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AlternativeProposed(DRAFT, "b7", "a10", text("and consolidate"), KGZ));
    }

    @Test
    void breakingSilenceNeedsAReason() {
        fixture.given(history(started("s8", inAnHour(), SilenceSubject.TEXT)))
                .when(new BreakSilence(DRAFT, " ", KGZ))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void silenceThatIsNotRunningCannotBeBroken() {
        fixture.given(HISTORY)
                .when(new BreakSilence(DRAFT, "We object", KGZ))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theChairDoesNotBreakSilence() {
        fixture.given(history(started("s8", inAnHour(), SilenceSubject.TEXT)))
                .when(new BreakSilence(DRAFT, "We object", CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aDelegationNotAdmittedDoesNotBreakSilence() {
        fixture.given(history(started("s8", inAnHour(), SilenceSubject.TEXT)))
                .when(new BreakSilence(DRAFT, "We object", TJK))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void silenceKeptUntilTheDeadlineConcludesTheProcedureAndConfirmsThePending() {
        Instant deadline = inAnHour();
        SilenceProcedureConcluded concluded =
                new SilenceProcedureConcluded(DRAFT, "s9", SilenceSubject.PARTICIPATION, SECRETARIAT);

        fixture.given(history(KGZ_PENDING))
                .andGivenCommands(new StartSilenceProcedure(DRAFT, deadline, SilenceSubject.PARTICIPATION, SECRETARIAT))
                .whenThenTimeAdvancesTo(deadline.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(SILENCE)
                .expectEvents(concluded)
                .expectNoScheduledDeadlines();

        Document before = folded(history(KGZ_PENDING, started("s9", deadline, SilenceSubject.PARTICIPATION)));
        assertThat(before.participantByCode("kgz").orElseThrow().participation()).isEqualTo(PENDING);
        Document after = Fold.apply(before, concluded);
        assertThat(after.participants()).extracting(p -> p.participation()).containsOnly(CONFIRMED);
        assertThat(after.silenceProcedure().state()).isEqualTo(SilenceProcedure.State.CONCLUDED);
        assertThat(after.silenceRunning()).isFalse();
    }

    @Test
    void silenceOnTheTextConcludesWithoutChangingParticipants() {
        Instant deadline = inAnHour();
        SilenceProcedureConcluded concluded = new SilenceProcedureConcluded(DRAFT, "s9", SilenceSubject.TEXT, SECRETARIAT);

        fixture.given(history(KGZ_PENDING))
                .andGivenCommands(new StartSilenceProcedure(DRAFT, deadline, SilenceSubject.TEXT, SECRETARIAT))
                .whenThenTimeElapses(Duration.ofHours(2))
                .expectEvents(concluded);

        Document after = folded(history(KGZ_PENDING, started("s9", deadline, SilenceSubject.TEXT), concluded));
        assertThat(after.participantByCode("kgz").orElseThrow().participation()).isEqualTo(PENDING);
    }

    @Test
    void nothingHappensBeforeTheDeadline() {
        Instant deadline = inAnHour();

        fixture.given(HISTORY)
                .andGivenCommands(new StartSilenceProcedure(DRAFT, deadline, SilenceSubject.TEXT, SECRETARIAT))
                .whenThenTimeAdvancesTo(deadline.minusSeconds(60))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(deadline, SILENCE);
    }

    @Test
    void aDeadlineArrivingAfterSilenceWasBrokenDoesNothing() {
        Instant deadline = inAnHour();

        // the broken event does not cancel the scheduled deadline, so it does fire: the aggregate must ignore it
        fixture.given(HISTORY)
                .andGivenCommands(new StartSilenceProcedure(DRAFT, deadline, SilenceSubject.TEXT, SECRETARIAT))
                .andGiven(new SilenceBroken(DRAFT, "s8", "We object", KGZ))
                .whenThenTimeAdvancesTo(deadline.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(SILENCE)
                .expectNoEvents();
    }

    @Test
    void theDeadlineOfAnEarlierProcedureDoesNotConcludeALaterOne() {
        Instant first = inAnHour();

        fixture.given(HISTORY)
                .andGivenCommands(new StartSilenceProcedure(DRAFT, first, SilenceSubject.TEXT, SECRETARIAT))
                .andGiven(new SilenceBroken(DRAFT, "s8", "We object", KGZ),
                        started("s10", first.plus(Duration.ofDays(1)), SilenceSubject.TEXT))
                .whenThenTimeAdvancesTo(first.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(SILENCE)
                .expectNoEvents();
    }

    @Test
    void afterSilenceIsKeptTheDraftCanBeFinalised() {
        List<DraftEvent> events = history(new AlternativeAccepted(DRAFT, "b7", "a7.3", CHAIR),
                started("s9", inAnHour(), SilenceSubject.TEXT),
                new SilenceProcedureConcluded(DRAFT, "s9", SilenceSubject.TEXT, SECRETARIAT));

        fixture.given(events)
                .when(new FinaliseDraft(DRAFT, SECRETARIAT))
                .expectEvents(new DraftFinalised(DRAFT, MarkdownRenderer.contentHash(Fold.asFinal(folded(events))),
                        SECRETARIAT));
    }

    // ------------------------------------------------------------ finalising and the corrigendum

    /** v8, v9: the bracket settled and Rev.1 issued: a text ready to be finalised. */
    private static final List<DraftEvent> SETTLED = history(new AlternativeAccepted(DRAFT, "b7", "a7.3", CHAIR),
            new RevisionIssued(DRAFT, "Rev.1", SECRETARIAT));

    private static DraftFinalised finalised() {
        return new DraftFinalised(DRAFT, MarkdownRenderer.contentHash(Fold.asFinal(folded(SETTLED))), SECRETARIAT);
    }

    private static List<DraftEvent> finalHistory() {
        List<DraftEvent> events = new java.util.ArrayList<>(SETTLED);
        events.add(finalised()); // v10
        return events;
    }

    @Test
    void finalisingHashesTheFinalTextWithoutTheRevisionSuffix() {
        DraftFinalised finalised = finalised();

        fixture.given(SETTLED)
                .when(new FinaliseDraft(DRAFT, SECRETARIAT))
                .expectEvents(finalised)
                .expectResultMessagePayload(new Receipt(10, null, finalised.contentHash()));

        Document doc = folded(finalHistory());
        String text = MarkdownRenderer.render(doc);
        assertThat(text).startsWith("Ref: TEST/1\n\nFinal\n").doesNotContain("Rev.1");
        assertThat(MarkdownRenderer.contentHash(doc)).isEqualTo(finalised.contentHash());
    }

    @Test
    void aCorrigendumNeedsAFinalText() {
        fixture.given(SETTLED)
                .when(new IssueCorrigendum(DRAFT, MarkdownRenderer.render(folded(SETTLED)), SECRETARIAT))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theSecretariatCorrectsAFinalTextAsCorr1() {
        Document fin = folded(finalHistory());
        String corrected = MarkdownRenderer.render(fin).replace("2. Endorse", "2. Adopt");

        AtomicReference<CorrigendumIssued> issued = new AtomicReference<>();

        fixture.given(finalHistory())
                .when(new IssueCorrigendum(DRAFT, corrected, SECRETARIAT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof CorrigendumIssued c && issued.compareAndSet(null, c)),
                        Matchers.andNoMore())))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof Receipt receipt
                        && receipt.equals(new Receipt(11, "Corr.1", issued.get().contentHash()))));

        CorrigendumIssued c = issued.get();
        assertThat(c.label()).isEqualTo("Corr.1");
        assertThat(c.actor()).isEqualTo(SECRETARIAT);
        // the recorded hash is the renderer's hash of the text the fold makes of the corrigendum
        assertThat(c.contentHash()).isEqualTo(MarkdownRenderer.contentHash(Fold.apply(fin, c)));
        Document after = Fold.apply(fin, c);
        String text = MarkdownRenderer.render(after);
        assertThat(text).startsWith("Ref: TEST/1/Corr.1\n\nFinal\n").contains("2. Adopt the Operating Modalities");
        assertThat(after.finalised()).isTrue();
        assertThat(after.contentHash()).isEqualTo(MarkdownRenderer.contentHash(after));
        assertThat(after.revisions()).extracting(Revision::label).containsExactly("Rev.1", "Corr.1");
    }

    @Test
    void aSecondCorrigendumIsCorr2() {
        Document fin = folded(finalHistory());
        List<DraftEvent> events = new java.util.ArrayList<>(finalHistory());
        events.add(new CorrigendumIssued(DRAFT, "Corr.1", EventText.whole(fin), MarkdownRenderer.contentHash(fin), SECRETARIAT));

        fixture.given(events)
                .when(new IssueCorrigendum(DRAFT, MarkdownRenderer.render(fin), SECRETARIAT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof CorrigendumIssued c && c.label().equals("Corr.2")),
                        Matchers.andNoMore())));
    }

    @Test
    void aCorrigendumLeavesNoBracketOpen() {
        String md = MarkdownRenderer.render(folded(finalHistory())).replace("2. Endorse", "2. [Endorse][Adopt]");
        fixture.given(finalHistory())
                .when(new IssueCorrigendum(DRAFT, md, SECRETARIAT))
                .expectException(conflict(d -> d.containsKey("openBrackets")))
                .expectNoEvents();
    }

    @Test
    void aCorrigendumNeedsAText() {
        fixture.given(finalHistory())
                .when(new IssueCorrigendum(DRAFT, " ", SECRETARIAT))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theChairIssuesNoCorrigendum() {
        fixture.given(finalHistory())
                .when(new IssueCorrigendum(DRAFT, MarkdownRenderer.render(folded(finalHistory())), CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    static Stream<DraftCommand> everyCommandButTheCorrigendum() {
        return Stream.concat(draftingCommands(), Stream.of(
                new RemoveFootnote(DRAFT, "1", CHAIR),
                new WithdrawAgreement(DRAFT, "p5", KAZ),
                new IssueRevision(DRAFT, null, SECRETARIAT),
                new BreakSilence(DRAFT, "We object", KGZ)));
    }

    @ParameterizedTest
    @MethodSource("everyCommandButTheCorrigendum")
    void afterFinalisationOnlyACorrigendumChangesTheText(DraftCommand command) {
        fixture.given(finalHistory())
                .when(command)
                .expectException(Refusal.Conflict.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }
}
