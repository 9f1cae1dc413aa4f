package plenary.command.drafting;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.paragraphs.AgreeParagraph;
import plenary.drafting.paragraphs.AgreementWithdrawn;
import plenary.drafting.paragraphs.MoveParagraph;
import plenary.drafting.paragraphs.ParagraphAgreed;
import plenary.drafting.paragraphs.ParagraphMoved;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ParagraphStatusSet;
import plenary.drafting.paragraphs.ParagraphsRenumbered;
import plenary.drafting.paragraphs.RenumberParagraphs;
import plenary.drafting.paragraphs.SetParagraphStatus;
import plenary.drafting.paragraphs.WithdrawAgreement;
import plenary.text.Document;
import plenary.text.Paragraph;
import plenary.text.markdown.MarkdownRenderer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.command.drafting.Negotiation.CHAIR;
import static plenary.command.drafting.Negotiation.DRAFT;
import static plenary.command.drafting.Negotiation.HISTORY;
import static plenary.command.drafting.Negotiation.KAZ;
import static plenary.command.drafting.Negotiation.KGZ;
import static plenary.command.drafting.Negotiation.SECRETARIAT;
import static plenary.command.drafting.Negotiation.folded;
import static plenary.command.drafting.Negotiation.history;
import static plenary.command.drafting.Negotiation.text;
import static plenary.drafting.Section.OPERATIVE;

/**
 * The rules of issue 3 on paragraphs, allowed and refused: moving, renumbering, status and agreement. The history is
 * {@link Negotiation}'s.
 */
class ParagraphsTest {

    private FixtureConfiguration<Draft> fixture;

    @BeforeEach
    void setUp() {
        fixture = Negotiation.fixture();
    }

    private static String paragraph(Document doc, String paragraphId) {
        return MarkdownRenderer.inline(doc, doc.paragraph(paragraphId).orElseThrow().content());
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
}
