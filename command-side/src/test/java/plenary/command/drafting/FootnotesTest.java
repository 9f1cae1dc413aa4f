package plenary.command.drafting;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import plenary.drafting.footnotes.AddFootnote;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.footnotes.FootnoteRemoved;
import plenary.drafting.footnotes.RemoveFootnote;
import plenary.text.Document;
import plenary.text.markdown.MarkdownRenderer;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.command.drafting.Negotiation.CHAIR;
import static plenary.command.drafting.Negotiation.DRAFT;
import static plenary.command.drafting.Negotiation.HISTORY;
import static plenary.command.drafting.Negotiation.KAZ;
import static plenary.command.drafting.Negotiation.SECRETARIAT;
import static plenary.command.drafting.Negotiation.folded;
import static plenary.command.drafting.Negotiation.history;
import static plenary.command.drafting.Negotiation.text;

/** The rules of issue 3 on footnotes, allowed and refused. The history is {@link Negotiation}'s. */
class FootnotesTest {

    private FixtureConfiguration<Draft> fixture;

    @BeforeEach
    void setUp() {
        fixture = Negotiation.fixture();
    }

    private static String paragraph(Document doc, String paragraphId) {
        return MarkdownRenderer.inline(doc, doc.paragraph(paragraphId).orElseThrow().content());
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
}
