package plenary.query.drafting;

import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Attribution;
import plenary.text.Brackets;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.Revision;
import plenary.text.SilenceProcedure;
import plenary.text.markdown.MarkdownRenderer;

import java.util.List;

/** A draft as API.md's {@code GET /api/drafts/{d}} shows it: paragraphs as inline Markdown, with their brackets. */
record DraftView(String draftId, long version, DraftStatus status, String reference, String symbol,
                        String title, String date, String venue, String kind, String statusLine,
                        List<ParticipantView> participants, String chapeau, List<ContentView> chapeauContent,
                        List<ParagraphView> paragraphs,
                        List<FootnoteView> footnotes, List<Revision> revisions, SilenceProcedure silenceProcedure,
                        String contentHash) {

    record ParticipantView(String participantId, String code, String name, Participation participation,
                                  boolean observer) {
    }

    /**
     * {@code label} is the number as the text writes it ("(v)", "3bis."), {@code depth} nests sub-paragraphs,
     * {@code heading} is a heading's level (0: a paragraph); {@code content} is {@code text} as a tree.
     */
    record ParagraphView(String paragraphId, Section section, String number, ParagraphStatus status,
                                String text, List<BracketView> brackets, List<Paragraph.Agreement> agreements,
                                String label, int depth, int heading, List<ContentView> content) {
    }

    /**
     * Every bracket of a paragraph, nested ones included; the bracketed words as they stood come first. An
     * OPTIONS bracket holds a whole paragraph's options.
     */
    record BracketView(String bracketId, String raisedBy, Inline.Bracket.Kind kind,
                              List<AlternativeView> alternatives) {
    }

    /** {@code attribution} is how a compilation text tags it: "(KAZ; TUR: retain; AFG: delete)". */
    record AlternativeView(String alternativeId, String text, String proposedBy, List<String> supporters,
                                  List<String> objectors, String attribution) {
    }

    record FootnoteView(String label, String text, List<ContentView> content) {
    }

    static DraftView of(Document doc) {
        return of(doc, doc.paragraphs().stream().map(p -> paragraph(doc, p)).toList());
    }

    /** Everything but the paragraphs (which it leaves empty). */
    static DraftView header(Document doc) {
        return of(doc, List.of());
    }

    private static DraftView of(Document doc, List<ParagraphView> paragraphs) {
        var h = doc.header();
        return new DraftView(doc.draftId(), doc.version(), doc.status(), h.reference(), h.symbol(), h.title(),
                h.date(), h.venue(), h.kind(), h.statusLine(),
                doc.participants().stream()
                        .map(p -> new ParticipantView(p.id(), p.code(), p.name(), p.participation(), p.observer()))
                        .toList(),
                doc.chapeau().isEmpty() ? null : MarkdownRenderer.inline(doc, doc.chapeau()),
                doc.chapeau().isEmpty() ? null : ContentView.of(doc, doc.chapeau()),
                paragraphs,
                doc.footnotes().stream()
                        .map(f -> new FootnoteView(f.label(), MarkdownRenderer.inline(doc, f.content()),
                                ContentView.of(doc, f.content())))
                        .toList(),
                doc.revisions(), doc.silenceProcedure(), doc.contentHash());
    }

    static ParagraphView paragraph(Document doc, Paragraph p) {
        List<BracketView> brackets = Brackets.all(p.content()).stream().map(b -> bracket(doc, b)).toList();
        return new ParagraphView(p.id(), p.section(), p.number(), p.status(), MarkdownRenderer.inline(doc, p.content()),
                brackets, p.agreements(), p.number() == null || p.heading() ? null : MarkdownRenderer.number(p),
                p.depth(), p.heading() ? p.layout().heading() : 0, ContentView.of(doc, p.content()));
    }

    static BracketView bracket(Document doc, Inline.Bracket b) {
        return new BracketView(b.id(), b.raisedBy(), b.kind(), b.alternatives().stream()
                .map(a -> new AlternativeView(a.id(), MarkdownRenderer.inline(doc, a.content()), a.proposedBy(),
                        a.supporters(), a.objectors(), Attribution.of(a)))
                .toList());
    }
}
