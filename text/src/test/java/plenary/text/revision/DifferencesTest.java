package plenary.text.revision;

import org.junit.jupiter.api.Test;
import plenary.drafting.Section;
import plenary.drafting.TextParagraph;
import plenary.drafting.Wording;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.draft.DraftRevisedFromText;
import plenary.drafting.procedure.RevisionIssued;
import plenary.drafting.procedure.SilenceBroken;
import plenary.drafting.procedure.SilenceProcedureStarted;
import plenary.drafting.procedure.SilenceSubject;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.Brackets;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.EventText;
import plenary.text.Fold;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.markdown.MarkdownImporter;
import plenary.text.markdown.MarkdownRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A chair's new text is recorded as its differences, and paragraphs edited rather than replaced keep who they are. */
class DifferencesTest {

    private static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    private static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    private static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);

    private static String zeroDraft() throws IOException {
        try (InputStream in = DifferencesTest.class.getResourceAsStream(
                "/corpus/ashgabat-water-cooperation-decision-zero-draft.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The zero draft imported (v1), then KAZ brackets "Convene" in sub-paragraph (b), offering "Organize" (v2). */
    private static Document negotiated() throws IOException {
        Document v1 = Fold.apply(null, new DraftImported("d", EventText.whole(MarkdownImporter.parse(zeroDraft(),
                new IdAllocator(1), "Secretariat")), SECRETARIAT));
        return Fold.apply(v1, new TextBracketed("d", paragraph(v1, "b").id(), "b2", "Convene", 1, "a2",
                List.of(new Wording.Alternative("a2.2", "KAZ", List.of(new Wording.Text("Organize")))), null, KAZ));
    }

    private static Paragraph paragraph(Document doc, String number) {
        return doc.paragraphs().stream().filter(p -> number.equals(p.number())).findFirst().orElseThrow();
    }

    private static Optional<DraftRevisedFromText> revise(Document doc, String text) {
        Document proposed = MarkdownImporter.parse(text, new IdAllocator(doc.version() + 1), "Chair");
        return Differences.between(doc, proposed, CHAIR);
    }

    @Test
    void theSameTextAgainChangesNothing() throws IOException {
        Document doc = negotiated();
        assertThat(revise(doc, MarkdownRenderer.render(doc))).isEmpty();
    }

    @Test
    void editedParagraphsKeepTheirIdentityAndUnchangedBracketsTheirHolders() throws IOException {
        Document before = negotiated();
        String rev1 = MarkdownRenderer.render(before)
                .replace("Draft\n\n**Regional", "Draft Rev.1\n\n**Regional")
                .replace("1. [Adopt][Take note of] the Regional Framework", "1. Adopt the Regional Framework")
                .replace("3ter. [Invite development partners to [continue to] support the implementation of this decision;]\n\n", "")
                .replace("3.3 Parties [shall][should] share", "3.3 Parties [shall][should][may] share")
                .replace("4. [Placeholder for provisions on the review of this decision]",
                        "4. Decide to review this decision at its eighth meeting;\n\n"
                                + "4bis. *Invite* observers to contribute to the review;");
        DraftRevisedFromText revision = revise(before, rev1).orElseThrow();
        Document after = Fold.apply(before, revision);

        assertThat(revision.actor()).isEqualTo(CHAIR);
        assertThat(revision.removed()).containsExactly(paragraph(before, "3ter").id());
        assertThat(revision.paragraphs()).extracting(TextParagraph::number).containsExactly("1", "3.3", "4", "4bis");
        for (String kept : List.of("1", "3.3", "4", "b", "2")) {
            assertThat(paragraph(after, kept).id()).as("paragraph " + kept).isEqualTo(paragraph(before, kept).id());
        }
        assertThat(paragraph(after, "4bis").id()).startsWith("p" + (before.version() + 1));
        Inline.Bracket kaz = Brackets.all(paragraph(after, "b").content()).get(0);
        assertThat(kaz.id()).isEqualTo("b2");
        assertThat(kaz.raisedBy()).isEqualTo("KAZ");
        assertThat(RoundTrip.normalise(MarkdownRenderer.render(after))).isEqualTo(RoundTrip.normalise(rev1));
        assertThat(after.header().statusLine()).isEqualTo("Draft Rev.1");
    }

    @Test
    void theFoldRecordsARevisionAsOneVersionUnderNegotiation() throws IOException {
        Document before = negotiated();
        String text = MarkdownRenderer.render(before).replace("[vital][essential][indispensable]", "vital");
        DraftRevisedFromText revision = revise(before, text).orElseThrow();

        Document after = Fold.apply(before, revision);

        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.status()).isEqualTo(DraftStatus.UNDER_NEGOTIATION);
        assertThat(revision.paragraphs()).hasSize(1);
        assertThat(after.section(Section.PREAMBLE).get(1).id()).isEqualTo(before.section(Section.PREAMBLE).get(1).id());
        assertThat(RoundTrip.normalise(MarkdownRenderer.render(after))).isEqualTo(RoundTrip.normalise(text));
    }

    /** Issue 11: a chair's new text once dropped the revisions issued before and the silence procedure's outcome. */
    @Test
    void aNewTextChangesTheTextAndNothingOnRecord() throws IOException {
        Document before = negotiated();
        before = Fold.apply(before, new RevisionIssued("d", "Rev.1", SECRETARIAT));
        before = Fold.apply(before, new SilenceProcedureStarted("d", "s4", Instant.parse("2099-01-01T00:00:00Z"),
                SilenceSubject.TEXT, SECRETARIAT));
        before = Fold.apply(before, new SilenceBroken("d", "s4", "not yet", KAZ));
        String edited = MarkdownRenderer.render(before).replace("Convene", "Convene and host");
        Document after = Fold.apply(before, revise(before, edited).orElseThrow());

        assertThat(after.revisions()).isEqualTo(before.revisions());
        assertThat(after.revision("Rev.1")).isPresent();
        assertThat(after.silenceProcedure()).isEqualTo(before.silenceProcedure());
        assertThat(after.contentHash()).isEqualTo(before.contentHash());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(MarkdownRenderer.render(after)).contains("Convene and host");
    }

    @Test
    void aParagraphRewrittenFromScratchIsReplacedNotEdited() throws IOException {
        Document before = negotiated();
        String text = MarkdownRenderer.render(before).replace(
                "5. *Decide* to consider this matter again at its next meeting. *{Note: paragraph 5 was moved from section C}*",
                "5. Thank the Government of Turkmenistan for hosting the meeting.");
        DraftRevisedFromText revision = revise(before, text).orElseThrow();

        assertThat(revision.removed()).containsExactly(paragraph(before, "5").id());
        assertThat(revision.paragraphs()).hasSize(1).allMatch(p -> !p.id().equals(paragraph(before, "5").id()));
    }

    private static final class RoundTrip {
        static String normalise(String text) {
            return text.replaceAll("\\s+", " ").strip();
        }
    }
}
