package plenary.text;

import org.junit.jupiter.api.Test;
import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.procedure.DraftFinalised;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.markdown.InlineMarkdown;
import plenary.text.markdown.MarkdownImporter;
import plenary.text.markdown.MarkdownRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoldTest {

    private static final String D = "d1";
    private static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    private static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    private static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);

    private static final DraftCreated CREATED =
            new DraftCreated(D, "TEST/1", "A Test Communiqué", "Communiqué", "01/01/2025", "Geneva", SECRETARIAT);

    // ---------------------------------------------------------------- helpers

    private static List<Inline> md(long version, String markdown) {
        return new InlineMarkdown(new IdAllocator(version), "KAZ").parse(markdown);
    }

    private static ParagraphProposed operative(String id, String number, String markdown) {
        return new ParagraphProposed(D, id, Section.OPERATIVE, null, number, EventText.wording(md(99, markdown)), KAZ);
    }

    private static ParagraphProposed preamble(String id, String markdown) {
        return new ParagraphProposed(D, id, Section.PREAMBLE, null, null, EventText.wording(md(98, markdown)), KAZ);
    }

    private static TextBracketed bracket(String paragraphId, String bracketId, String quote, int occurrence,
                                         Inline.Alternative... alternatives) {
        return new TextBracketed(D, paragraphId, bracketId, quote, occurrence, "a" + bracketId.substring(1) + ".2",
                Arrays.stream(alternatives).map(EventText::wording).toList(), null, KAZ);
    }

    private static Document fold(DraftEvent... events) {
        return Fold.replay(List.of(events));
    }

    private static Document then(Document doc, DraftEvent event) {
        return Fold.apply(doc, event);
    }

    private static String render(Document doc, String paragraphId) {
        return MarkdownRenderer.inline(doc, doc.paragraph(paragraphId).orElseThrow().content());
    }

    private static String seed() throws IOException {
        try (InputStream in = FoldTest.class.getResourceAsStream("/corpus/almaty-process-communique-2013.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static DraftImported importedSeed() throws IOException {
        return new DraftImported(D, EventText.whole(MarkdownImporter.parse(seed(), new IdAllocator(1), "Secretariat")),
                SECRETARIAT);
    }

    private static final ParagraphProposed OP1 = operative("p2", "1", "Develop and strengthen the Almaty Process");

    /** v3: "Develop [and strengthen][and enhance] the Almaty Process" */
    private static final TextBracketed STRENGTHEN = bracket("p2", "b3", "and strengthen", 1,
            new Inline.Alternative("a3.3", "KAZ", md(97, "and enhance")));

    // ---------------------------------------------------------------- version and status

    @Test
    void theVersionCountsTheEvents() {
        List<DraftEvent> events = new ArrayList<>(List.of(CREATED,
                new DelegationAdmitted(D, "t2", "kaz", "the Republic of Kazakhstan", Participation.CONFIRMED, SECRETARIAT),
                operative("p3", "1", "Develop and strengthen the Almaty Process"),
                bracket("p3", "b4", "and strengthen", 1),
                new AlternativeProposed(D, "b4", "a5", EventText.wording(md(5, "and enhance")), KAZ),
                new AlternativeAccepted(D, "b4", "a5", CHAIR),
                new DraftFinalised(D, "hash", SECRETARIAT)));

        Document doc = null;
        for (int i = 0; i < events.size(); i++) {
            doc = Fold.apply(doc, events.get(i));
            assertThat(doc.version()).as("after event %d", i + 1).isEqualTo(i + 1);
        }
    }

    @Test
    void anImportedTextIsVersionOneAndAZeroDraft() throws IOException {
        Document doc = fold(importedSeed());

        assertThat(doc.version()).isEqualTo(1);
        assertThat(doc.draftId()).isEqualTo(D);
        assertThat(doc.status()).isEqualTo(DraftStatus.ZERO_DRAFT);
        assertThat(doc.paragraphs()).hasSize(13);
    }

    @Test
    void anEventBeforeTheDraftExistsFailsLoudly() {
        assertThatThrownBy(() -> Fold.apply(null, OP1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFirstDraftingChangeTurnsTheZeroDraftIntoANegotiation() {
        Document created = fold(CREATED,
                new DelegationAdmitted(D, "t2", "kaz", "the Republic of Kazakhstan", Participation.CONFIRMED, SECRETARIAT));
        // admitting a delegation is not a drafting change
        assertThat(created.status()).isEqualTo(DraftStatus.ZERO_DRAFT);

        assertThat(then(created, operative("p3", "1", "Develop")).status()).isEqualTo(DraftStatus.UNDER_NEGOTIATION);
    }

    @Test
    void bracketingAnImportedTextStartsTheNegotiation() throws IOException {
        Document imported = fold(importedSeed());
        String op1 = imported.section(Section.OPERATIVE).get(0).id();

        Document doc = then(imported, bracket(op1, "b2", "and strengthen", 1));

        assertThat(doc.status()).isEqualTo(DraftStatus.UNDER_NEGOTIATION);
    }

    @Test
    void finalisingSetsTheStatusTheStatusLineAndTheHash() {
        Document doc = fold(CREATED, OP1, new DraftFinalised(D, "cafe01", SECRETARIAT));

        assertThat(doc.status()).isEqualTo(DraftStatus.FINAL);
        assertThat(doc.finalised()).isTrue();
        assertThat(doc.header().statusLine()).isEqualTo("Final");
        assertThat(doc.contentHash()).isEqualTo("cafe01");
        assertThat(doc.version()).isEqualTo(3);
    }

    @Test
    void theFinalHashCanBeRecomputedFromTheFinalText() {
        // a verifier holding only the final document must get the hash that finalising recorded
        Document before = fold(CREATED, OP1);
        String hash = MarkdownRenderer.contentHash(Fold.asFinal(before));

        Document fin = then(before, new DraftFinalised(D, hash, SECRETARIAT));

        assertThat(MarkdownRenderer.contentHash(fin)).isEqualTo(hash);
    }

    // ---------------------------------------------------------------- proposing paragraphs

    @Test
    void aProposedParagraphIsAppendedToItsSection() {
        Document doc = fold(CREATED, preamble("p2", "*Recalling* the Almaty Declaration,"),
                operative("p3", "1", "Develop the process"), preamble("p4", "*Noting* good practices,"));

        assertThat(doc.paragraphs()).extracting(Paragraph::id).containsExactly("p2", "p4", "p3");
        assertThat(doc.paragraph("p3").orElseThrow().number()).isEqualTo("1");
    }

    @Test
    void aParagraphProposedAfterAnotherIsInsertedBehindIt() {
        Document doc = fold(CREATED, operative("p2", "1", "One"), operative("p3", "2", "Two"),
                new ParagraphProposed(D, "p4", Section.OPERATIVE, "p2", "1bis", EventText.wording(md(4, "One bis")), KAZ));

        assertThat(doc.section(Section.OPERATIVE)).extracting(Paragraph::number).containsExactly("1", "1bis", "2");
    }

    // ---------------------------------------------------------------- bracketing

    @Test
    void bracketingAQuoteWrapsIt() {
        Document doc = fold(CREATED, OP1, bracket("p2", "b3", "and strengthen", 1));

        assertThat(render(doc, "p2")).isEqualTo("Develop [and strengthen] the Almaty Process");
        Inline.Bracket b = doc.locateBracket("b3").orElseThrow().bracket();
        assertThat(b.raisedBy()).isEqualTo("KAZ");
        // the words as they stood are the first alternative, attributed to nobody
        assertThat(b.alternatives()).containsExactly(
                new Inline.Alternative("a3.2", null, List.of(new Inline.Text("and strengthen"))));
    }

    @Test
    void alternativesOfferedWithTheBracketFollowTheOriginalWords() {
        Document doc = fold(CREATED, OP1, STRENGTHEN);

        assertThat(render(doc, "p2")).isEqualTo("Develop [and strengthen][and enhance] the Almaty Process");
    }

    @Test
    void occurrenceTwoBracketsTheSecondOccurrence() {
        Document doc = fold(CREATED, operative("p2", "1", "Manage borders and manage migration; manage well"),
                bracket("p2", "b3", "manage", 2));

        assertThat(render(doc, "p2")).isEqualTo("Manage borders and manage migration; [manage] well");
    }

    @Test
    void occurrenceCountsFromOne() {
        Document doc = fold(CREATED, operative("p2", "1", "manage borders and manage migration"),
                bracket("p2", "b3", "manage", 1));

        assertThat(render(doc, "p2")).isEqualTo("[manage] borders and manage migration");
    }

    @Test
    void aQuoteMaySpanEmphasis() {
        Document doc = fold(CREATED, preamble("p2", "*Recalling* the Almaty Declaration,"),
                bracket("p2", "b3", "Recalling the Almaty", 1));

        assertThat(render(doc, "p2")).isEqualTo("[*Recalling* the Almaty] Declaration,");
    }

    @Test
    void aQuoteInsideEmphasisIsBracketedInsideIt() {
        Document doc = fold(CREATED, operative("p2", "1", "including the principle of *non-refoulement and asylum*"),
                bracket("p2", "b3", "and asylum", 1));

        assertThat(render(doc, "p2")).isEqualTo("including the principle of *non-refoulement [and asylum]*");
    }

    @Test
    void aQuoteCuttingEmphasisInHalfIsRefused() {
        Document doc = fold(CREATED, operative("p2", "1", "including the principle of *non-refoulement*"));

        assertThatThrownBy(() -> then(doc, bracket("p2", "b3", "of non", 1)))
                .isInstanceOfSatisfying(QuoteProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(QuoteProblem.Kind.CROSSES_STRUCTURE));
    }

    @Test
    void aNewBracketNestsInsideTheOriginalWordsOfAnExistingOne() {
        Document doc = fold(CREATED, OP1, STRENGTHEN, bracket("p2", "b4", "strengthen", 1));

        assertThat(render(doc, "p2")).isEqualTo("Develop [and [strengthen]][and enhance] the Almaty Process");
        assertThat(doc.locateBracket("b4").orElseThrow().paragraph().id()).isEqualTo("p2");
    }

    @Test
    void aNewBracketNestsInsideAnOfferedAlternative() {
        Document doc = fold(CREATED, OP1, STRENGTHEN, bracket("p2", "b4", "enhance", 1));

        assertThat(render(doc, "p2")).isEqualTo("Develop [and strengthen][and [enhance]] the Almaty Process");
    }

    @Test
    void aNewBracketMayEncloseAWholeExistingBracket() {
        // the quote is read as the reader sees the text, square brackets included
        Document doc = fold(CREATED, OP1, STRENGTHEN, bracket("p2", "b4", "Develop [and strengthen][and enhance] the", 1));

        assertThat(render(doc, "p2")).isEqualTo("[Develop [and strengthen][and enhance] the] Almaty Process");
        assertThat(doc.openBrackets()).extracting(at -> at.bracket().id()).containsExactly("b4", "b3");
    }

    @Test
    void aQuoteCuttingABracketInHalfIsRefused() {
        Document doc = fold(CREATED, OP1, STRENGTHEN);

        assertThatThrownBy(() -> then(doc, bracket("p2", "b4", "strengthen][and", 1)))
                .isInstanceOfSatisfying(QuoteProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(QuoteProblem.Kind.CROSSES_STRUCTURE));
        assertThatThrownBy(() -> then(doc, bracket("p2", "b4", "Develop [and", 1)))
                .isInstanceOfSatisfying(QuoteProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(QuoteProblem.Kind.CROSSES_STRUCTURE));
    }

    @Test
    void aQuoteThatIsNotThereIsNotFound() {
        Document doc = fold(CREATED, OP1);

        assertThatThrownBy(() -> then(doc, bracket("p2", "b3", "manage borders", 1)))
                .isInstanceOfSatisfying(QuoteProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(QuoteProblem.Kind.NOT_FOUND));
    }

    @Test
    void anOccurrenceBeyondTheLastIsNotFound() {
        Document doc = fold(CREATED, OP1);

        assertThatThrownBy(() -> then(doc, bracket("p2", "b3", "Develop", 2)))
                .isInstanceOfSatisfying(QuoteProblem.class,
                        p -> assertThat(p.kind()).isEqualTo(QuoteProblem.Kind.NOT_FOUND));
    }

    // ---------------------------------------------------------------- alternatives

    @Test
    void aProposedAlternativeIsAddedAndAttributedToItsProposer() {
        Document doc = fold(CREATED, OP1, bracket("p2", "b3", "and strengthen", 1),
                new AlternativeProposed(D, "b3", "a4", EventText.wording(md(4, "and enhance")), KAZ));

        assertThat(render(doc, "p2")).isEqualTo("Develop [and strengthen][and enhance] the Almaty Process");
        Inline.Alternative added = doc.locateBracket("b3").orElseThrow().bracket().alternatives().get(1);
        assertThat(added.id()).isEqualTo("a4");
        assertThat(added.proposedBy()).isEqualTo("KAZ");
    }

    @Test
    void anEmptyAlternativeProposesDeletion() {
        Document doc = fold(CREATED, OP1, bracket("p2", "b3", "and strengthen", 1),
                new AlternativeProposed(D, "b3", "a4", List.of(), CHAIR));

        assertThat(render(doc, "p2")).isEqualTo("Develop [and strengthen][] the Almaty Process");
    }

    @Test
    void anAlternativeMayBeProposedForANestedBracket() {
        Document doc = fold(CREATED, OP1, STRENGTHEN, bracket("p2", "b4", "strengthen", 1),
                new AlternativeProposed(D, "b4", "a5", EventText.wording(md(5, "consolidate")), CHAIR));

        assertThat(render(doc, "p2")).isEqualTo("Develop [and [strengthen][consolidate]][and enhance] the Almaty Process");
        assertThat(doc.locateBracket("b4").orElseThrow().bracket().alternatives().get(1).proposedBy())
                .isEqualTo("Chair");
    }

    @Test
    void acceptingAnAlternativeReplacesTheBracketByItsText() {
        Document doc = fold(CREATED, OP1, STRENGTHEN, new AlternativeAccepted(D, "b3", "a3.3", CHAIR));

        assertThat(render(doc, "p2")).isEqualTo("Develop and enhance the Almaty Process");
        assertThat(doc.paragraph("p2").orElseThrow().content())
                .containsExactly(new Inline.Text("Develop and enhance the Almaty Process"));
        assertThat(doc.openBrackets()).isEmpty();
    }

    @Test
    void acceptingTheOriginalWordsRestoresThem() {
        Document doc = fold(CREATED, OP1, STRENGTHEN, new AlternativeAccepted(D, "b3", "a3.2", CHAIR));

        assertThat(render(doc, "p2")).isEqualTo("Develop and strengthen the Almaty Process");
        assertThat(doc.openBrackets()).isEmpty();
    }

    @Test
    void acceptingAnOuterAlternativeDropsTheBracketsNestedInTheOthers() {
        Document doc = fold(CREATED, OP1, STRENGTHEN, bracket("p2", "b4", "strengthen", 1),
                new AlternativeAccepted(D, "b3", "a3.3", CHAIR));

        assertThat(render(doc, "p2")).isEqualTo("Develop and enhance the Almaty Process");
        assertThat(doc.openBrackets()).isEmpty();
    }

    @Test
    void acceptingAnOuterAlternativeKeepsTheBracketsNestedInIt() {
        // the nested dispute is not settled by settling the outer one
        Document doc = fold(CREATED, OP1, STRENGTHEN, bracket("p2", "b4", "strengthen", 1),
                new AlternativeAccepted(D, "b3", "a3.2", CHAIR));

        assertThat(render(doc, "p2")).isEqualTo("Develop and [strengthen] the Almaty Process");
        assertThat(doc.openBrackets()).extracting(at -> at.bracket().id()).containsExactly("b4");
    }

    @Test
    void acceptingANestedBracketLeavesTheOuterOneOpen() {
        Document doc = fold(CREATED, OP1, STRENGTHEN, bracket("p2", "b4", "strengthen", 1),
                new AlternativeProposed(D, "b4", "a5", EventText.wording(md(5, "consolidate")), CHAIR),
                new AlternativeAccepted(D, "b4", "a5", CHAIR));

        assertThat(render(doc, "p2")).isEqualTo("Develop [and consolidate][and enhance] the Almaty Process");
        assertThat(doc.openBrackets()).extracting(at -> at.bracket().id()).containsExactly("b3");
    }

    // ---------------------------------------------------------------- participants

    private static final ParagraphProposed OPENING = preamble("p2",
            "We, the High Representatives of the Republic of Kazakhstan and the Kyrgyz Republic, meeting in Almaty;");

    @Test
    void admittingADelegationNamedInTheOpeningParagraphLinksTheName() {
        Document doc = fold(CREATED, OPENING,
                new DelegationAdmitted(D, "t3", "kaz", "the Republic of Kazakhstan", Participation.CONFIRMED, SECRETARIAT));

        assertThat(doc.paragraph("p2").orElseThrow().content()).contains(new Inline.ParticipantRef("t3"));
        assertThat(render(doc, "p2")).isEqualTo(
                "We, the High Representatives of the Republic of Kazakhstan and the Kyrgyz Republic, meeting in Almaty;");
        assertThat(doc.participantByCode("KAZ")).contains(
                new Participant("t3", "kaz", "the Republic of Kazakhstan", Participation.CONFIRMED));
    }

    @Test
    void aPendingParticipantIsRenderedInBrackets() {
        Document doc = fold(CREATED, OPENING,
                new DelegationAdmitted(D, "t3", "kgz", "the Kyrgyz Republic", Participation.PENDING, SECRETARIAT));

        assertThat(render(doc, "p2")).isEqualTo(
                "We, the High Representatives of the Republic of Kazakhstan and [the Kyrgyz Republic], meeting in Almaty;");
        // a pending participant is not a disputed bracket
        assertThat(doc.openBrackets()).isEmpty();
    }

    @Test
    void aDelegationNotNamedInTheOpeningParagraphIsListedWithoutTouchingTheText() {
        Document before = fold(CREATED, OPENING, operative("p3", "1", "Welcome the Republic of Tajikistan"));
        Document doc = then(before,
                new DelegationAdmitted(D, "t4", "tjk", "the Republic of Tajikistan", Participation.CONFIRMED, SECRETARIAT));

        assertThat(doc.paragraphs()).isEqualTo(before.paragraphs());
        assertThat(doc.participant("t4")).isPresent();
    }

    @Test
    void importingTheSeedListsItsBracketedStatesAsPendingParticipants() throws IOException {
        Document doc = fold(importedSeed());
        String opening = render(doc, doc.section(Section.PREAMBLE).get(0).id());

        assertThat(opening).contains("the Republic of Azerbaijan, [the Islamic Republic of Iran], "
                + "[the Islamic Republic of Pakistan], and the Republic of Turkey<sup>1</sup>");
    }

    @Test
    void admittingAnImportedPendingParticipantRelinksItAndConfirmationDropsItsBrackets() throws IOException {
        Document imported = fold(importedSeed());
        Participant iran = imported.participants().stream()
                .filter(p -> p.name().equals("the Islamic Republic of Iran")).findFirst().orElseThrow();

        Document doc = then(imported, new DelegationAdmitted(D, iran.id(), "irn", iran.name(),
                Participation.CONFIRMED, SECRETARIAT));

        assertThat(doc.participants()).hasSize(2);
        assertThat(doc.participantByCode("irn")).contains(
                new Participant(iran.id(), "irn", "the Islamic Republic of Iran", Participation.CONFIRMED));
        assertThat(render(doc, doc.section(Section.PREAMBLE).get(0).id())).contains(
                "the Republic of Azerbaijan, the Islamic Republic of Iran, [the Islamic Republic of Pakistan], and");
    }
}
