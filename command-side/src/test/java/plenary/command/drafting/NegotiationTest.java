package plenary.command.drafting;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import plenary.drafting.DraftCommand;
import plenary.drafting.DraftEvent;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeObjected;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.AlternativeSupported;
import plenary.drafting.brackets.AlternativeWithdrawn;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.BracketWithdrawn;
import plenary.drafting.brackets.BridgingTextProposed;
import plenary.drafting.brackets.DeletionProposed;
import plenary.drafting.brackets.ObjectToAlternative;
import plenary.drafting.brackets.OptionsOpened;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.brackets.ProposeBridgingText;
import plenary.drafting.brackets.ProposeDeletion;
import plenary.drafting.brackets.ProposeOption;
import plenary.drafting.brackets.SupportAlternative;
import plenary.drafting.brackets.WithdrawAlternative;
import plenary.drafting.brackets.WithdrawBracket;
import plenary.drafting.footnotes.AddFootnote;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.footnotes.FootnoteRemoved;
import plenary.drafting.footnotes.RemoveFootnote;
import plenary.drafting.paragraphs.AgreeParagraph;
import plenary.drafting.paragraphs.AgreementWithdrawn;
import plenary.drafting.paragraphs.MoveParagraph;
import plenary.drafting.paragraphs.ParagraphAgreed;
import plenary.drafting.paragraphs.ParagraphMoved;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ParagraphStatusSet;
import plenary.drafting.paragraphs.ParagraphsRenumbered;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.paragraphs.RenumberParagraphs;
import plenary.drafting.paragraphs.SetParagraphStatus;
import plenary.drafting.paragraphs.WithdrawAgreement;
import plenary.drafting.participants.AdmitDelegation;
import plenary.drafting.participants.ChangeParticipation;
import plenary.drafting.participants.DelegationAdmitted;
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
import plenary.text.Inline;
import plenary.text.Paragraph;
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
import static plenary.command.drafting.Negotiation.BRACKETED;
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

/** Every rule of issue 3 on the Draft aggregate, allowed and refused. The history is {@link Negotiation}'s. */
class NegotiationTest {

    private static final String SILENCE = SilenceDeadline.NAME;

    private FixtureConfiguration<Draft> fixture;

    @BeforeEach
    void setUp() {
        fixture = Negotiation.fixture();
    }

    private static Matcher<Object> conflict(Predicate<Map<String, Object>> details) {
        return Matchers.predicate(e -> e instanceof Refusal.Conflict c && details.test(c.details()));
    }

    private static String paragraph(Document doc, String paragraphId) {
        return MarkdownRenderer.inline(doc, doc.paragraph(paragraphId).orElseThrow().content());
    }

    private static Inline.Alternative alternative(Document doc, String bracketId, String alternativeId) {
        return doc.locateBracket(bracketId).orElseThrow().bracket().alternative(alternativeId).orElseThrow();
    }

    /** An instant the real clock has not reached: the aggregate checks deadlines against it. */
    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    // ------------------------------------------------------------ support and objection

    @Test
    void aDelegationSupportsAnAlternative() {
        AlternativeSupported supported = new AlternativeSupported(DRAFT, "b7", "a7.3", KGZ);

        fixture.given(HISTORY)
                .when(new SupportAlternative(DRAFT, "b7", "a7.3", KGZ))
                .expectEvents(supported)
                .expectResultMessagePayload(new Receipt(8, null, null));

        assertThat(alternative(folded(history(supported)), "b7", "a7.3").supporters()).containsExactly("KGZ");
    }

    @Test
    void aDelegationObjectsToTheOriginalWords() {
        fixture.given(HISTORY)
                .when(new ObjectToAlternative(DRAFT, "b7", "a7.2", KGZ))
                .expectEvents(new AlternativeObjected(DRAFT, "b7", "a7.2", KGZ));
    }

    @Test
    void objectingToWhatItSupportedSwitchesItsPosition() {
        AlternativeSupported supported = new AlternativeSupported(DRAFT, "b7", "a7.3", KGZ);
        AlternativeObjected objected = new AlternativeObjected(DRAFT, "b7", "a7.3", KGZ);

        fixture.given(history(supported))
                .when(new ObjectToAlternative(DRAFT, "b7", "a7.3", KGZ))
                .expectEvents(objected);

        Inline.Alternative after = alternative(folded(history(supported, objected)), "b7", "a7.3");
        assertThat(after.supporters()).isEmpty();
        assertThat(after.objectors()).containsExactly("KGZ");
        Inline.Alternative back = alternative(folded(history(supported, objected, supported)), "b7", "a7.3");
        assertThat(back.supporters()).containsExactly("KGZ");
        assertThat(back.objectors()).isEmpty();
    }

    @Test
    void theChairHoldsNoPosition() {
        fixture.given(HISTORY)
                .when(new SupportAlternative(DRAFT, "b7", "a7.3", CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theSecretariatHoldsNoPosition() {
        fixture.given(HISTORY)
                .when(new ObjectToAlternative(DRAFT, "b7", "a7.3", SECRETARIAT))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aDelegationNotAdmittedHoldsNoPosition() {
        fixture.given(HISTORY)
                .when(new SupportAlternative(DRAFT, "b7", "a7.3", TJK))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aPositionOnAnUnknownAlternativeIsNotFound() {
        fixture.given(HISTORY)
                .when(new SupportAlternative(DRAFT, "b7", "a9", KGZ))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void aPositionInAnUnknownBracketIsNotFound() {
        fixture.given(HISTORY)
                .when(new ObjectToAlternative(DRAFT, "b9", "a7.3", KGZ))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ withdrawing an alternative

    @Test
    void theProposerWithdrawsItsAlternative() {
        AlternativeWithdrawn withdrawn = new AlternativeWithdrawn(DRAFT, "b7", "a7.3", KAZ);

        fixture.given(HISTORY)
                .when(new WithdrawAlternative(DRAFT, "b7", "a7.3", KAZ))
                .expectEvents(withdrawn);

        assertThat(paragraph(folded(history(withdrawn)), "p5")).isEqualTo("Develop [and strengthen] the Almaty Process");
    }

    @Test
    void itsOwnSupportDoesNotStopTheProposer() {
        fixture.given(history(new AlternativeSupported(DRAFT, "b7", "a7.3", KAZ)))
                .when(new WithdrawAlternative(DRAFT, "b7", "a7.3", KAZ))
                .expectEvents(new AlternativeWithdrawn(DRAFT, "b7", "a7.3", KAZ));
    }

    @Test
    void onlyTheProposerWithdrawsAnAlternative() {
        fixture.given(HISTORY)
                .when(new WithdrawAlternative(DRAFT, "b7", "a7.3", KGZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void anAlternativeAnotherDelegationSupportsCannotBeWithdrawn() {
        fixture.given(history(new AlternativeSupported(DRAFT, "b7", "a7.3", KGZ)))
                .when(new WithdrawAlternative(DRAFT, "b7", "a7.3", KAZ))
                .expectException(conflict(details -> List.of("KGZ").equals(details.get("heldBy"))))
                .expectNoEvents();
    }

    @Test
    void theOriginalWordsCannotBeWithdrawn() {
        // nobody proposed the words as they stood, not even the delegation that bracketed them
        fixture.given(HISTORY)
                .when(new WithdrawAlternative(DRAFT, "b7", "a7.2", KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void withdrawingAnUnknownAlternativeIsNotFound() {
        fixture.given(HISTORY)
                .when(new WithdrawAlternative(DRAFT, "b7", "a9", KAZ))
                .expectException(Refusal.NotFound.class);
    }

    // ------------------------------------------------------------ withdrawing a bracket

    @Test
    void theDelegationThatRaisedABracketWithdrawsIt() {
        BracketWithdrawn withdrawn = new BracketWithdrawn(DRAFT, "b7", KAZ);

        fixture.given(HISTORY)
                .when(new WithdrawBracket(DRAFT, "b7", KAZ))
                .expectEvents(withdrawn)
                .expectResultMessagePayload(new Receipt(8, null, null));

        Document doc = folded(history(withdrawn));
        assertThat(paragraph(doc, "p5")).isEqualTo("Develop and strengthen the Almaty Process");
        assertThat(doc.openBrackets()).isEmpty();
    }

    @Test
    void anotherDelegationMayNotWithdrawABracket() {
        fixture.given(HISTORY)
                .when(new WithdrawBracket(DRAFT, "b7", KGZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theChairMayNotWithdrawADelegationsBracket() {
        fixture.given(HISTORY)
                .when(new WithdrawBracket(DRAFT, "b7", CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aBracketWithAnotherDelegationsAlternativeCannotBeWithdrawn() {
        fixture.given(history(new AlternativeProposed(DRAFT, "b7", "a8", text("and consolidate"), KGZ)))
                .when(new WithdrawBracket(DRAFT, "b7", KAZ))
                .expectException(conflict(details -> List.of("KGZ").equals(details.get("heldBy"))))
                .expectNoEvents();
    }

    @Test
    void aBracketOnWhichAnotherDelegationTookAPositionCannotBeWithdrawn() {
        fixture.given(history(new AlternativeObjected(DRAFT, "b7", "a7.2", KGZ)))
                .when(new WithdrawBracket(DRAFT, "b7", KAZ))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void withdrawingAnUnknownBracketIsNotFound() {
        fixture.given(HISTORY)
                .when(new WithdrawBracket(DRAFT, "b9", KAZ))
                .expectException(Refusal.NotFound.class);
    }

    // ------------------------------------------------------------ options

    private static final OptionsOpened OPTIONS = new OptionsOpened(DRAFT, "p6", "b8", "a8.2",
            new Wording.Alternative("a8.3", "KAZ", text("Take note of the Operating Modalities")), KAZ); // v8
    private static final OptionsOpened NO_TEXT_OPTION = new OptionsOpened(DRAFT, "p6", "b8", "a8.2",
            new Wording.Alternative("a8.3", "KGZ", List.of()), KGZ); // v8

    @Test
    void theFirstOptionTurnsTheParagraphIntoOptions() {
        fixture.given(HISTORY)
                .when(new ProposeOption(DRAFT, "p6", "Take note of the Operating Modalities", KAZ))
                .expectEvents(OPTIONS)
                .expectResultMessagePayload(new Receipt(8, "a8.3", null));

        assertThat(paragraph(folded(history(OPTIONS)), "p6")).isEqualTo(
                "**Option 1:** Endorse the Operating Modalities  \n**Option 2:** Take note of the Operating Modalities");
    }

    @Test
    void theNextOptionIsAnotherAlternativeOfTheSameBracket() {
        AlternativeProposed third = new AlternativeProposed(DRAFT, "b8", "a9", List.of(), KGZ);

        fixture.given(history(OPTIONS))
                .when(new ProposeOption(DRAFT, "p6", "", KGZ))
                .expectEvents(third)
                .expectResultMessagePayload(new Receipt(9, "a9", null));

        Document doc = folded(history(OPTIONS, third));
        assertThat(doc.locateBracket("b8").orElseThrow().bracket().alternatives()).hasSize(3);
        assertThat(paragraph(doc, "p6")).endsWith("  \n**Option 3:** No text");
    }

    @Test
    void aFootnoteOnAnOptionsParagraphKeepsItOneChoice() {
        FootnoteAdded note = new FootnoteAdded(DRAFT, "1", "p6", null, text("A note."), CHAIR);

        fixture.given(history(OPTIONS, note))
                .when(new ProposeOption(DRAFT, "p6", "Third", KGZ))
                .expectEvents(new AlternativeProposed(DRAFT, "b8", "a10", text("Third"), KGZ));
    }

    @Test
    void acceptingNoTextDeletesTheParagraph() {
        AlternativeAccepted accepted = new AlternativeAccepted(DRAFT, "b8", "a8.3", CHAIR);

        fixture.given(history(NO_TEXT_OPTION))
                .when(new AcceptAlternative(DRAFT, "b8", "a8.3", CHAIR))
                .expectEvents(accepted);

        Document doc = folded(history(NO_TEXT_OPTION, accepted));
        assertThat(doc.paragraph("p6")).isEmpty();
        assertThat(doc.section(OPERATIVE)).extracting(Paragraph::id).containsExactly("p5");
    }

    @Test
    void acceptingTheFirstOptionKeepsTheParagraphAsItWas() {
        Document doc = folded(history(NO_TEXT_OPTION, new AlternativeAccepted(DRAFT, "b8", "a8.2", CHAIR)));

        assertThat(paragraph(doc, "p6")).isEqualTo("Endorse the Operating Modalities");
    }

    @Test
    void anOptionNeedsAText() {
        fixture.given(HISTORY)
                .when(new ProposeOption(DRAFT, "p6", null, KAZ))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void anOptionForAnUnknownParagraphIsNotFound() {
        fixture.given(HISTORY)
                .when(new ProposeOption(DRAFT, "p99", "Something else", KAZ))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void theSecretariatProposesNoOption() {
        fixture.given(HISTORY)
                .when(new ProposeOption(DRAFT, "p6", "Something else", SECRETARIAT))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ bridging text

    @Test
    void theChairBridgesTwoAlternatives() {
        BridgingTextProposed bridged = new BridgingTextProposed(DRAFT, "b7", List.of("a7.2", "a7.3"),
                new Wording.Alternative("a8", "Chair", text("and consolidate")), CHAIR);

        fixture.given(HISTORY)
                .when(new ProposeBridgingText(DRAFT, "b7", List.of("a7.2", "a7.3"), "and consolidate", CHAIR))
                .expectEvents(bridged)
                .expectResultMessagePayload(new Receipt(8, "a8", null));

        assertThat(paragraph(folded(history(bridged)), "p5")).isEqualTo("Develop [and consolidate] the Almaty Process");
    }

    @Test
    void bridgingTextTakesThePlaceOfTheAlternativesItReplacesOnly() {
        AlternativeProposed third = new AlternativeProposed(DRAFT, "b7", "a8", text("and reform"), KGZ);
        BridgingTextProposed bridged = new BridgingTextProposed(DRAFT, "b7", List.of("a7.3", "a8"),
                new Wording.Alternative("a9", "Chair", text("and consolidate")), CHAIR);

        fixture.given(history(third))
                .when(new ProposeBridgingText(DRAFT, "b7", List.of("a7.3", "a8"), "and consolidate", CHAIR))
                .expectEvents(bridged);

        assertThat(paragraph(folded(history(third, bridged)), "p5"))
                .isEqualTo("Develop [and strengthen][and consolidate] the Almaty Process");
    }

    @Test
    void aDelegationMayNotProposeBridgingText() {
        fixture.given(HISTORY)
                .when(new ProposeBridgingText(DRAFT, "b7", List.of("a7.2", "a7.3"), "and consolidate", KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void bridgingTextReplacesAtLeastTwoAlternatives() {
        fixture.given(HISTORY)
                .when(new ProposeBridgingText(DRAFT, "b7", List.of("a7.3"), "and consolidate", CHAIR))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void oneAlternativeNamedTwiceIsNotTwoAlternatives() {
        fixture.given(HISTORY)
                .when(new ProposeBridgingText(DRAFT, "b7", List.of("a7.3", "a7.3"), "and consolidate", CHAIR))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void bridgingTextNamesWhatItReplaces() {
        fixture.given(HISTORY)
                .when(new ProposeBridgingText(DRAFT, "b7", null, "and consolidate", CHAIR))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void bridgingAnUnknownAlternativeIsNotFound() {
        fixture.given(HISTORY)
                .when(new ProposeBridgingText(DRAFT, "b7", List.of("a7.2", "a9"), "and consolidate", CHAIR))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void bridgingTextNeedsAText() {
        fixture.given(HISTORY)
                .when(new ProposeBridgingText(DRAFT, "b7", List.of("a7.2", "a7.3"), " ", CHAIR))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ proposing deletion

    private static final DeletionProposed DELETION = new DeletionProposed(DRAFT, "p6", "b8", "a8.2", "a8.3", KGZ); // v8

    @Test
    void proposingDeletionBracketsTheWholeParagraph() {
        fixture.given(HISTORY)
                .when(new ProposeDeletion(DRAFT, "p6", KGZ))
                .expectEvents(DELETION)
                .expectResultMessagePayload(new Receipt(8, "b8", null));

        Document doc = folded(history(DELETION));
        assertThat(paragraph(doc, "p6")).isEqualTo("[Endorse the Operating Modalities][]");
        Inline.Bracket bracket = doc.locateBracket("b8").orElseThrow().bracket();
        assertThat(bracket.raisedBy()).isEqualTo("KGZ");
        assertThat(bracket.alternatives().get(1).proposedBy()).isEqualTo("KGZ");
    }

    @Test
    void deletionIsProposedOnlyOnce() {
        fixture.given(history(DELETION))
                .when(new ProposeDeletion(DRAFT, "p6", KAZ))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void acceptingTheEmptyAlternativeRemovesTheParagraph() {
        AlternativeAccepted accepted = new AlternativeAccepted(DRAFT, "b8", "a8.3", CHAIR);

        fixture.given(history(DELETION))
                .when(new AcceptAlternative(DRAFT, "b8", "a8.3", CHAIR))
                .expectEvents(accepted);

        Document doc = folded(history(DELETION, accepted));
        assertThat(doc.paragraph("p6")).isEmpty();
        assertThat(MarkdownRenderer.render(doc)).doesNotContain("Operating Modalities");
    }

    @Test
    void acceptingTheParagraphKeepsIt() {
        Document doc = folded(history(DELETION, new AlternativeAccepted(DRAFT, "b8", "a8.2", CHAIR)));

        assertThat(paragraph(doc, "p6")).isEqualTo("Endorse the Operating Modalities");
    }

    @Test
    void deletingAnUnknownParagraphIsNotFound() {
        fixture.given(HISTORY)
                .when(new ProposeDeletion(DRAFT, "p99", KAZ))
                .expectException(Refusal.NotFound.class);
    }

    @Test
    void theSecretariatProposesNoDeletion() {
        fixture.given(HISTORY)
                .when(new ProposeDeletion(DRAFT, "p6", SECRETARIAT))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ moving

    @Test
    void theChairMovesAParagraphToTheTopOfItsSection() {
        ParagraphMoved moved = new ParagraphMoved(DRAFT, "p6", null, CHAIR);

        fixture.given(HISTORY)
                .when(new MoveParagraph(DRAFT, "p6", null, CHAIR))
                .expectEvents(moved);

        Document doc = folded(history(moved));
        assertThat(doc.paragraphs()).extracting(Paragraph::id).containsExactly("p4", "p6", "p5");
    }

    @Test
    void theChairMovesAParagraphAfterAnother() {
        ParagraphMoved moved = new ParagraphMoved(DRAFT, "p5", "p6", CHAIR);

        fixture.given(HISTORY)
                .when(new MoveParagraph(DRAFT, "p5", "p6", CHAIR))
                .expectEvents(moved);

        assertThat(folded(history(moved)).section(OPERATIVE)).extracting(Paragraph::id).containsExactly("p6", "p5");
    }

    @Test
    void aParagraphDoesNotMoveToAnotherSection() {
        fixture.given(HISTORY)
                .when(new MoveParagraph(DRAFT, "p5", "p4", CHAIR))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aParagraphDoesNotMoveAfterItself() {
        fixture.given(HISTORY)
                .when(new MoveParagraph(DRAFT, "p5", "p5", CHAIR))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void movingAfterAnUnknownParagraphIsNotFound() {
        fixture.given(HISTORY)
                .when(new MoveParagraph(DRAFT, "p5", "p99", CHAIR))
                .expectException(Refusal.NotFound.class);
    }

    @Test
    void aDelegationMayNotMoveAParagraph() {
        fixture.given(HISTORY)
                .when(new MoveParagraph(DRAFT, "p6", null, KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ renumbering

    private static final ParagraphProposed OP1_BIS = new ParagraphProposed(DRAFT, "p8", OPERATIVE, "p5", "1bis",
            text("Welcome the new members"), KGZ); // v8

    @Test
    void theSecretariatRenumbersBisParagraphsConsecutively() {
        ParagraphsRenumbered renumbered = new ParagraphsRenumbered(DRAFT,
                Map.of("p4", "i", "p5", "1", "p8", "2", "p6", "3"), SECRETARIAT);

        fixture.given(history(OP1_BIS))
                .when(new RenumberParagraphs(DRAFT, SECRETARIAT))
                .expectEvents(renumbered)
                .expectResultMessagePayload(new Receipt(9, null, null));

        Document doc = folded(history(OP1_BIS, renumbered));
        assertThat(doc.section(OPERATIVE)).extracting(Paragraph::number).containsExactly("1", "2", "3");
        assertThat(MarkdownRenderer.render(doc)).contains("2. Welcome the new members", "3. Endorse the Operating");
    }

    @Test
    void theChairMayNotRenumber() {
        fixture.given(history(OP1_BIS))
                .when(new RenumberParagraphs(DRAFT, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ paragraph status

    @ParameterizedTest
    @EnumSource(value = ParagraphStatus.class, names = "AGREED_AD_REFERENDUM", mode = EnumSource.Mode.EXCLUDE)
    void theChairSetsAParagraphsStatus(ParagraphStatus status) {
        ParagraphStatusSet set = new ParagraphStatusSet(DRAFT, "p5", status, CHAIR);

        fixture.given(HISTORY)
                .when(new SetParagraphStatus(DRAFT, "p5", status, CHAIR))
                .expectEvents(set);

        assertThat(folded(history(set)).paragraph("p5").orElseThrow().status()).isEqualTo(status);
    }

    @Test
    void theChairDoesNotAgreeAdReferendumForTheDelegations() {
        fixture.given(HISTORY)
                .when(new SetParagraphStatus(DRAFT, "p5", ParagraphStatus.AGREED_AD_REFERENDUM, CHAIR))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aStatusIsRequired() {
        fixture.given(HISTORY)
                .when(new SetParagraphStatus(DRAFT, "p5", null, CHAIR))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void aDelegationMayNotSetAStatus() {
        fixture.given(HISTORY)
                .when(new SetParagraphStatus(DRAFT, "p5", ParagraphStatus.AGREED, KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theStatusOfAnUnknownParagraphIsNotFound() {
        fixture.given(HISTORY)
                .when(new SetParagraphStatus(DRAFT, "p99", ParagraphStatus.AGREED, CHAIR))
                .expectException(Refusal.NotFound.class);
    }

    // ------------------------------------------------------------ agreement ad referendum

    private static final ParagraphAgreed KAZ_AGREES_AD_REF = new ParagraphAgreed(DRAFT, "p5", true, KAZ); // v8

    @Test
    void aDelegationAgreesAdReferendum() {
        fixture.given(HISTORY)
                .when(new AgreeParagraph(DRAFT, "p5", true, KAZ))
                .expectEvents(KAZ_AGREES_AD_REF)
                .expectResultMessagePayload(new Receipt(8, null, null));

        Paragraph p5 = folded(history(KAZ_AGREES_AD_REF)).paragraph("p5").orElseThrow();
        assertThat(p5.status()).isEqualTo(ParagraphStatus.AGREED_AD_REFERENDUM);
        assertThat(p5.agreements()).containsExactly(new Paragraph.Agreement("kaz", true));
    }

    @Test
    void aDelegationAgreesOutright() {
        fixture.given(HISTORY)
                .when(new AgreeParagraph(DRAFT, "p5", false, KGZ))
                .expectEvents(new ParagraphAgreed(DRAFT, "p5", false, KGZ));
    }

    @Test
    void withdrawingItsAgreementReopensTheParagraph() {
        AgreementWithdrawn withdrawn = new AgreementWithdrawn(DRAFT, "p5", KAZ);

        fixture.given(history(KAZ_AGREES_AD_REF))
                .when(new WithdrawAgreement(DRAFT, "p5", KAZ))
                .expectEvents(withdrawn);

        Paragraph p5 = folded(history(KAZ_AGREES_AD_REF, withdrawn)).paragraph("p5").orElseThrow();
        assertThat(p5.status()).isEqualTo(ParagraphStatus.REOPENED);
        assertThat(p5.agreements()).isEmpty();
    }

    @Test
    void anAgreementNeverGivenCannotBeWithdrawn() {
        fixture.given(HISTORY)
                .when(new WithdrawAgreement(DRAFT, "p5", KAZ))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aDelegationWithdrawsOnlyItsOwnAgreement() {
        fixture.given(history(KAZ_AGREES_AD_REF))
                .when(new WithdrawAgreement(DRAFT, "p5", KGZ))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void theChairDoesNotAgreeForADelegation() {
        fixture.given(HISTORY)
                .when(new AgreeParagraph(DRAFT, "p5", true, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void agreeingToAnUnknownParagraphIsNotFound() {
        fixture.given(HISTORY)
                .when(new AgreeParagraph(DRAFT, "p99", true, KAZ))
                .expectException(Refusal.NotFound.class);
    }

    // ------------------------------------------------------------ participation

    @Test
    void theSecretariatMarksAnyParticipationPending() {
        ParticipationChanged changed = new ParticipationChanged(DRAFT, "t3", PENDING, SECRETARIAT);

        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", PENDING, SECRETARIAT))
                .expectEvents(changed);

        assertThat(folded(history(changed)).participantByCode("kgz").orElseThrow().participation())
                .isEqualTo(PENDING);
    }

    @Test
    void aDelegationConfirmsItsOwnParticipation() {
        fixture.given(history(new ParticipationChanged(DRAFT, "t2", PENDING, SECRETARIAT)))
                .when(new ChangeParticipation(DRAFT, "kaz", CONFIRMED, KAZ))
                .expectEvents(new ParticipationChanged(DRAFT, "t2", CONFIRMED, KAZ));
    }

    @Test
    void aDelegationDoesNotSpeakForAnother() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", PENDING, KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownDelegationIsNotFound() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "TKM", CONFIRMED, SECRETARIAT))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void theParticipationIsRequired() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", null, SECRETARIAT))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void theChairDoesNotChangeParticipation() {
        fixture.given(HISTORY)
                .when(new ChangeParticipation(DRAFT, "KGZ", PENDING, CHAIR))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    // ------------------------------------------------------------ footnotes

    private static final FootnoteAdded NOTE_1 = new FootnoteAdded(DRAFT, "1", "p6", "Endorse",
            text("See the annex."), CHAIR); // v8
    private static final FootnoteAdded NOTE_2 = new FootnoteAdded(DRAFT, "2", "p5", null,
            text("As amended."), SECRETARIAT); // v9

    @Test
    void theChairAddsTheFirstFootnoteAfterTheQuotedWords() {
        fixture.given(HISTORY)
                .when(new AddFootnote(DRAFT, "p6", "Endorse", "See the annex.", CHAIR))
                .expectEvents(NOTE_1)
                .expectResultMessagePayload(new Receipt(8, "1", null));

        Document doc = folded(history(NOTE_1));
        assertThat(paragraph(doc, "p6")).isEqualTo("Endorse<sup>1</sup> the Operating Modalities");
        assertThat(MarkdownRenderer.render(doc)).endsWith("---\n\n<sup>1</sup> See the annex.\n");
    }

    @Test
    void theSecretariatAddsAFootnoteAtTheEndOfAParagraph() {
        fixture.given(history(NOTE_1))
                .when(new AddFootnote(DRAFT, "p5", null, "As amended.", SECRETARIAT))
                .expectEvents(NOTE_2);

        assertThat(paragraph(folded(history(NOTE_1, NOTE_2)), "p5")).endsWith("the Almaty Process<sup>2</sup>");
    }

    @Test
    void aNewFootnoteIsNumberedAfterTheHighest() {
        fixture.given(history(NOTE_1, NOTE_2, new FootnoteRemoved(DRAFT, "1", CHAIR)))
                .when(new AddFootnote(DRAFT, "p6", null, "Another note.", CHAIR))
                .expectEvents(new FootnoteAdded(DRAFT, "3", "p6", null, text("Another note."), CHAIR));
    }

    @Test
    void removingAFootnoteRemovesItsReference() {
        FootnoteRemoved removed = new FootnoteRemoved(DRAFT, "1", SECRETARIAT);

        fixture.given(history(NOTE_1))
                .when(new RemoveFootnote(DRAFT, "1", SECRETARIAT))
                .expectEvents(removed);

        Document doc = folded(history(NOTE_1, removed));
        assertThat(paragraph(doc, "p6")).isEqualTo("Endorse the Operating Modalities");
        assertThat(doc.footnotes()).isEmpty();
    }

    @Test
    void removingAnUnknownFootnoteIsNotFound() {
        fixture.given(history(NOTE_1))
                .when(new RemoveFootnote(DRAFT, "7", CHAIR))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void aFootnoteAfterWordsNotThereConflicts() {
        fixture.given(HISTORY)
                .when(new AddFootnote(DRAFT, "p6", "Adopt", "See the annex.", CHAIR))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aFootnoteNeedsAText() {
        fixture.given(HISTORY)
                .when(new AddFootnote(DRAFT, "p6", null, " ", CHAIR))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void aFootnoteInAnUnknownParagraphIsNotFound() {
        fixture.given(HISTORY)
                .when(new AddFootnote(DRAFT, "p99", null, "See the annex.", CHAIR))
                .expectException(Refusal.NotFound.class);
    }

    @Test
    void aDelegationMayNotAddAFootnote() {
        fixture.given(HISTORY)
                .when(new AddFootnote(DRAFT, "p6", null, "See the annex.", KAZ))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
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
                .expectScheduledDeadline(deadline, new SilenceDeadline("s8", SECRETARIAT));
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
