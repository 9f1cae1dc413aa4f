package plenary.text;

import org.junit.jupiter.api.Test;
import plenary.drafting.DraftEvent;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.WholeText;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeObjected;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.AlternativeSupported;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.footnotes.FootnoteRemoved;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ParagraphsRenumbered;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.RevisionIssued;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.markdown.MarkdownImporter;
import plenary.text.markdown.MarkdownRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.drafting.Section.OPERATIVE;
import static plenary.drafting.Section.PREAMBLE;

/** The fold and the renderer for issue 3: options, attribution, numbering, revisions, finalisation, footnotes. */
class OptionsAndRecordTest {

    private static final String D = "d1";
    private static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    private static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    private static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);
    private static final Actor KGZ = Actor.of("kgz", Role.DELEGATION);
    private static final Actor TUR = Actor.of("tur", Role.DELEGATION);

    private static final String HEADER = "Ref: TEST/1\n\nZero draft\n\n**A Test**\n\n*Have decided to:*\n\n";

    private static final DraftCreated CREATED =
            new DraftCreated(D, "TEST/1", "A Test Communiqué", "Communiqué", null, null, SECRETARIAT); // v1
    private static final ParagraphProposed OP1 = new ParagraphProposed(D, "p2", OPERATIVE, null, "1",
            words("Develop and strengthen the Almaty Process"), KAZ); // v2
    private static final ParagraphProposed OP2 = new ParagraphProposed(D, "p3", OPERATIVE, null, "2",
            words("Endorse the Operating Modalities"), KAZ); // v3

    private static List<Wording> words(String text) {
        return List.of(new Wording.Text(text));
    }

    private static List<Inline> text(String text) {
        return List.of(new Inline.Text(text));
    }

    private static Document parse(String markdown) {
        return MarkdownImporter.parse(markdown, new IdAllocator(1), "Secretariat");
    }

    private static WholeText whole(String markdown) {
        return EventText.whole(parse(markdown));
    }

    private static Document fold(DraftEvent... events) {
        return Fold.replay(List.of(events));
    }

    private static Document then(Document doc, DraftEvent... events) {
        for (DraftEvent event : events) {
            doc = Fold.apply(doc, event);
        }
        return doc;
    }

    private static String render(Document doc, String paragraphId) {
        return MarkdownRenderer.inline(doc, doc.paragraph(paragraphId).orElseThrow().content());
    }

    private static Inline.Bracket onlyBracket(Paragraph paragraph) {
        assertThat(paragraph.content()).hasSize(1);
        return (Inline.Bracket) paragraph.content().get(0);
    }

    private static String seed() throws IOException {
        try (InputStream in = OptionsAndRecordTest.class.getResourceAsStream("/corpus/almaty-process-communique-2013.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- options

    @Test
    void optionsImportAsOneBracketAndRenderBackTheSame() {
        String markdown = HEADER + "1. **Option 1:** Parties shall act.  \n**Option 2:** No text\n";

        Document doc = parse(markdown);

        Inline.Bracket options = onlyBracket(doc.section(OPERATIVE).get(0));
        assertThat(options.kind()).isEqualTo(Inline.Bracket.Kind.OPTIONS);
        assertThat(options.alternatives()).extracting(Inline.Alternative::content)
                .containsExactly(text("Parties shall act."), List.of());
        assertThat(options.alternatives()).extracting(Inline.Alternative::proposedBy).containsOnly("Secretariat");
        assertThat(doc.section(OPERATIVE).get(0).number()).isEqualTo("1");
        assertThat(MarkdownRenderer.render(doc)).isEqualTo(markdown);
    }

    @Test
    void optionsMayHoldBracketsOfTheirOwn() {
        String markdown = HEADER + "1. **Option 1:** Parties [shall][should] act.  \n**Option 2:** Parties act.  \n"
                + "**Option 3:** No text\n";

        Document doc = parse(markdown);

        Inline.Bracket options = onlyBracket(doc.section(OPERATIVE).get(0));
        assertThat(options.alternatives()).hasSize(3);
        assertThat(Brackets.all(options.alternatives().get(0).content())).hasSize(1);
        assertThat(doc.openBrackets()).hasSize(2);
        assertThat(MarkdownRenderer.render(doc)).isEqualTo(markdown);
    }

    @Test
    void aSingleOptionIsNoChoice() {
        Document doc = parse(HEADER + "1. **Option 1:** Parties shall act.\n");

        assertThat(doc.openBrackets()).isEmpty();
        assertThat(render(doc, doc.section(OPERATIVE).get(0).id())).isEqualTo("**Option 1:** Parties shall act.");
    }

    @Test
    void optionsOutOfOrderAreNoChoice() {
        Document doc = parse(HEADER + "1. **Option 2:** Parties shall act.  \n**Option 1:** No text\n");

        assertThat(doc.openBrackets()).isEmpty();
    }

    @Test
    void acceptingAnOptionLeavesItsText() {
        Document doc = fold(new DraftImported(D, whole(HEADER
                + "1. **Option 1:** Parties shall act.  \n**Option 2:** No text\n2. Meet again\n"), SECRETARIAT));
        Paragraph op1 = doc.section(OPERATIVE).get(0);
        Inline.Bracket options = onlyBracket(op1);

        Document first = then(doc, new AlternativeAccepted(D, options.id(), options.alternatives().get(0).id(), CHAIR));
        assertThat(render(first, op1.id())).isEqualTo("Parties shall act.");

        Document none = then(doc, new AlternativeAccepted(D, options.id(), options.alternatives().get(1).id(), CHAIR));
        assertThat(none.paragraph(op1.id())).isEmpty();
        assertThat(MarkdownRenderer.render(none)).contains("*Have decided to:*\n\n2. Meet again\n");
    }

    // ---------------------------------------------------------------- attribution

    @Test
    void anAlternativeSaysWhoProposedItAndWhoHoldsWhichPosition() {
        Inline.Alternative alternative = new Inline.Alternative("a1", "Mexico", text("delete"), List.of("G77"),
                List.of("EU", "CANZ", "Russia", "US"));

        assertThat(Attribution.of(alternative)).isEqualTo("(Mexico; G77: retain; EU, CANZ, Russia, US: delete)");
    }

    @Test
    void attributionNamesOnlyWhoIsOnRecord() {
        assertThat(Attribution.of(new Inline.Alternative("a1", "Mexico", text("x")))).isEqualTo("(Mexico)");
        assertThat(Attribution.of(new Inline.Alternative("a1", null, text("x"), List.of(), List.of("EU"))))
                .isEqualTo("(EU: delete)");
        assertThat(Attribution.of(new Inline.Alternative("a1", null, text("x"), List.of("G77"), List.of())))
                .isEqualTo("(G77: retain)");
        assertThat(Attribution.of(new Inline.Alternative("a1", null, text("x")))).isEmpty();
    }

    @Test
    void positionsFoldedOntoABracketAreAttributed() {
        Document doc = fold(CREATED, OP1,
                new TextBracketed(D, "p2", "b3", "and strengthen", 1, "a3.2",
                        List.of(new Wording.Alternative("a3.3", "KAZ", words("and enhance"))), null, KAZ),
                new AlternativeSupported(D, "b3", "a3.3", KGZ),
                new AlternativeObjected(D, "b3", "a3.3", TUR),
                new AlternativeObjected(D, "b3", "a3.2", KGZ),
                new AlternativeSupported(D, "b3", "a3.2", TUR));

        Inline.Bracket bracket = doc.locateBracket("b3").orElseThrow().bracket();
        assertThat(bracket.alternatives()).extracting(Attribution::of)
                .containsExactly("(TUR: retain; KGZ: delete)", "(KAZ; KGZ: retain; TUR: delete)");
        // a position is one per delegation: supporting what it objected to moves it
        Document switched = then(doc, new AlternativeSupported(D, "b3", "a3.2", KGZ));
        assertThat(Attribution.of(switched.locateBracket("b3").orElseThrow().bracket().alternatives().get(0)))
                .isEqualTo("(TUR, KGZ: retain)");
    }

    // ---------------------------------------------------------------- numbering

    private static Document numbered(String... paragraphs) {
        List<Paragraph> list = new ArrayList<>();
        for (int i = 0; i < paragraphs.length; i++) {
            String[] parts = paragraphs[i].split(":", -1);
            Section section = parts[0].equals("PP") ? PREAMBLE : OPERATIVE;
            list.add(new Paragraph("p" + (i + 1), section, parts[1].isEmpty() ? null : parts[1],
                    ParagraphStatus.PENDING, text("text " + (i + 1))));
        }
        return fold(new DraftImported(D, EventText.whole(Document.text(new Header("TEST/1", null, null,
                "Test", null, "Declaration"), List.of(), list, List.of(), List.of(), null)), SECRETARIAT));
    }

    @Test
    void renumberingGivesConsecutiveNumbersInOrder() {
        Document doc = numbered("PP:i", "PP:i bis", "PP:ii", "OP:1", "OP:1bis", "OP:1ter", "OP:2", "OP:3bis");

        assertThat(Numbering.renumbered(doc)).containsExactly(Map.entry("p1", "i"), Map.entry("p2", "ii"),
                Map.entry("p3", "iii"), Map.entry("p4", "1"), Map.entry("p5", "2"), Map.entry("p6", "3"),
                Map.entry("p7", "4"), Map.entry("p8", "5"));
    }

    @Test
    void anUnnumberedPreambleStaysUnnumbered() {
        Document doc = numbered("PP:", "PP:", "OP:1", "OP:1bis");

        assertThat(Numbering.renumbered(doc)).containsExactly(Map.entry("p3", "1"), Map.entry("p4", "2"));
    }

    @Test
    void theRenumberedTextPrintsTheNewNumbers() {
        Document doc = numbered("PP:i", "PP:i bis", "OP:1", "OP:1bis", "OP:2");

        Document renumbered = then(doc, new ParagraphsRenumbered(D, Numbering.renumbered(doc), SECRETARIAT));

        assertThat(MarkdownRenderer.render(doc)).contains("(i bis) text 2", "1bis. text 4");
        assertThat(MarkdownRenderer.render(renumbered)).contains("(i) text 1\n\n(ii) text 2\n\n1. text 3\n\n"
                + "2. text 4\n\n3. text 5\n");
    }

    // ---------------------------------------------------------------- revisions and the final text

    @Test
    void aRevisionGivesTheSymbolItsSuffix() {
        Document rev1 = fold(CREATED, OP1, new RevisionIssued(D, "Rev.1", SECRETARIAT));
        Document rev2 = then(rev1, OP2, new RevisionIssued(D, "Rev.2", SECRETARIAT));

        assertThat(MarkdownRenderer.render(rev1)).startsWith("Ref: TEST/1/Rev.1\n\nDraft\n");
        assertThat(MarkdownRenderer.render(rev2)).startsWith("Ref: TEST/1/Rev.2\n\nDraft\n");
        assertThat(rev2.revisions()).containsExactly(new Revision("Rev.1", 3), new Revision("Rev.2", 5));
    }

    @Test
    void aRevisionChangesNoWordOfTheText() {
        Document before = fold(CREATED, OP1, OP2);
        Document after = then(before, new RevisionIssued(D, "Rev.1", SECRETARIAT));

        assertThat(after.paragraphs()).isEqualTo(before.paragraphs());
        assertThat(after.status()).isEqualTo(before.status());
    }

    @Test
    void theFinalTextCarriesTheSymbolWithoutTheRevisionSuffix() {
        Document revised = fold(CREATED, OP1, OP2, new RevisionIssued(D, "Rev.1", SECRETARIAT));
        String hash = MarkdownRenderer.contentHash(Fold.asFinal(revised));

        Document fin = then(revised, new DraftFinalised(D, hash, SECRETARIAT));

        assertThat(MarkdownRenderer.render(fin)).startsWith("Ref: TEST/1\n\nFinal\n").doesNotContain("Rev.1");
        assertThat(MarkdownRenderer.contentHash(fin)).isEqualTo(hash).isEqualTo(fin.contentHash());
        assertThat(fin.revisions()).extracting(Revision::label).containsExactly("Rev.1");
    }

    // ---------------------------------------------------------------- footnotes

    private static final FootnoteAdded NOTE_1 =
            new FootnoteAdded(D, "1", "p3", "Endorse", words("See the annex."), CHAIR); // v4
    private static final FootnoteAdded NOTE_2 =
            new FootnoteAdded(D, "2", "p2", null, List.of(new Wording.Emphasis(words("Ibid."))), SECRETARIAT); // v5

    @Test
    void footnotesAreReferencedInTheTextAndListedAfterARule() {
        Document doc = fold(CREATED, OP1, OP2, NOTE_1, NOTE_2);

        assertThat(render(doc, "p3")).isEqualTo("Endorse<sup>1</sup> the Operating Modalities");
        assertThat(render(doc, "p2")).isEqualTo("Develop and strengthen the Almaty Process<sup>2</sup>");
        assertThat(MarkdownRenderer.render(doc)).endsWith(
                "2. Endorse<sup>1</sup> the Operating Modalities\n\n---\n\n<sup>1</sup> See the annex.\n\n"
                        + "<sup>2</sup> *Ibid.*\n");
    }

    @Test
    void removingAFootnoteRemovesItsReferenceAndNote() {
        Document doc = fold(CREATED, OP1, OP2, NOTE_1, NOTE_2, new FootnoteRemoved(D, "1", CHAIR));

        assertThat(render(doc, "p3")).isEqualTo("Endorse the Operating Modalities");
        assertThat(MarkdownRenderer.render(doc)).endsWith("---\n\n<sup>2</sup> *Ibid.*\n").doesNotContain("<sup>1</sup>");
    }

    @Test
    void removingTheLastFootnoteRemovesTheRule() {
        Document doc = fold(CREATED, OP1, OP2, NOTE_1, new FootnoteRemoved(D, "1", CHAIR));

        assertThat(MarkdownRenderer.render(doc)).doesNotContain("---").endsWith("2. Endorse the Operating Modalities\n");
    }

    @Test
    void aReferenceInsideABracketIsRemovedToo() {
        Document doc = fold(CREATED, OP1, OP2, NOTE_1,
                new TextBracketed(D, "p3", "b5", "Endorse the", 1, "a5.2", List.of(), null, KAZ),
                new AlternativeProposed(D, "b5", "a6", words("Welcome the"), KGZ));
        assertThat(render(doc, "p3")).isEqualTo("[Endorse<sup>1</sup> the][Welcome the] Operating Modalities");

        Document removed = then(doc, new FootnoteRemoved(D, "1", CHAIR));

        assertThat(render(removed, "p3")).isEqualTo("[Endorse the][Welcome the] Operating Modalities");
    }

    @Test
    void aFootnoteAddedToTheSeedJoinsItsNotesWhereTheTextHasThem() throws IOException {
        Document seed = fold(new DraftImported(D, whole(seed()), SECRETARIAT),
                new DelegationAdmitted(D, "t2", "kaz", "the Republic of Kazakhstan", Participation.CONFIRMED,
                        SECRETARIAT));
        String op1 = seed.section(OPERATIVE).get(0).id();

        String text = MarkdownRenderer.render(then(seed,
                new FootnoteAdded(D, "2", op1, "Almaty Process", words("Established in 2013."), CHAIR)));

        assertThat(text).contains("1. Develop and strengthen the Almaty Process<sup>2</sup> as a regional");
        assertThat(text.indexOf("<sup>2</sup> Established in 2013.")).isGreaterThan(text.indexOf("<sup>1</sup> The States"))
                .isLessThan(text.indexOf("(viii)"));

        String without = MarkdownRenderer.render(then(seed, new FootnoteRemoved(D, "1", CHAIR)));
        assertThat(without).doesNotContain("---").doesNotContain("<sup>1</sup>")
                .contains("[the Islamic Republic of Iran], [the Islamic Republic of Pakistan]");
    }
}
