package plenary.command.drafting;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeObjected;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.AlternativeSupported;
import plenary.drafting.brackets.AlternativeWithdrawn;
import plenary.drafting.brackets.BracketWithdrawn;
import plenary.drafting.brackets.BridgingTextProposed;
import plenary.drafting.brackets.DeletionProposed;
import plenary.drafting.brackets.ObjectToAlternative;
import plenary.drafting.brackets.OptionsOpened;
import plenary.drafting.brackets.ProposeBridgingText;
import plenary.drafting.brackets.ProposeDeletion;
import plenary.drafting.brackets.ProposeOption;
import plenary.drafting.brackets.SupportAlternative;
import plenary.drafting.brackets.WithdrawAlternative;
import plenary.drafting.brackets.WithdrawBracket;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.text.Document;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.markdown.MarkdownRenderer;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
import static plenary.drafting.Section.OPERATIVE;

/**
 * The rules of issue 3 on brackets, allowed and refused: positions on alternatives, withdrawing, options, bridging
 * text and deletion. The history is {@link Negotiation}'s.
 */
class BracketsTest {

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
}
