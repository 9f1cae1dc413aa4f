package plenary.query.drafting;

import plenary.drafting.DraftStatus;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Brackets;
import plenary.text.Document;
import plenary.text.Paragraph;
import plenary.text.markdown.MarkdownRenderer;

import java.util.List;

/** A draft as API.md's {@code GET /api/drafts/{d}} shows it: paragraphs as inline Markdown, with their brackets. */
public record DraftView(String draftId, long version, DraftStatus status, String reference, String title,
                        String date, String venue, String kind, String statusLine,
                        List<ParticipantView> participants, String chapeau, List<ParagraphView> paragraphs,
                        List<FootnoteView> footnotes, String contentHash) {

    public record ParticipantView(String participantId, String code, String name, Participation participation) {
    }

    public record ParagraphView(String paragraphId, Section section, String number, ParagraphStatus status,
                                String text, List<BracketView> brackets) {
    }

    /** Every bracket of a paragraph, nested ones included; the bracketed words as they stood come first. */
    public record BracketView(String bracketId, String raisedBy, List<AlternativeView> alternatives) {
    }

    public record AlternativeView(String alternativeId, String text, String proposedBy) {
    }

    public record FootnoteView(String label, String text) {
    }

    static DraftView of(Document doc) {
        var h = doc.header();
        return new DraftView(doc.draftId(), doc.version(), doc.status(), h.reference(), h.title(), h.date(),
                h.venue(), h.kind(), h.statusLine(),
                doc.participants().stream()
                        .map(p -> new ParticipantView(p.id(), p.code(), p.name(), p.participation())).toList(),
                doc.chapeau().isEmpty() ? null : MarkdownRenderer.inline(doc, doc.chapeau()),
                doc.paragraphs().stream().map(p -> paragraph(doc, p)).toList(),
                doc.footnotes().stream()
                        .map(f -> new FootnoteView(f.label(), MarkdownRenderer.inline(doc, f.content()))).toList(),
                doc.contentHash());
    }

    static ParagraphView paragraph(Document doc, Paragraph p) {
        List<BracketView> brackets = Brackets.all(p.content()).stream()
                .map(b -> new BracketView(b.id(), b.raisedBy(), b.alternatives().stream()
                        .map(a -> new AlternativeView(a.id(), MarkdownRenderer.inline(doc, a.content()), a.proposedBy()))
                        .toList()))
                .toList();
        return new ParagraphView(p.id(), p.section(), p.number(), p.status(), MarkdownRenderer.inline(doc, p.content()),
                brackets);
    }
}
