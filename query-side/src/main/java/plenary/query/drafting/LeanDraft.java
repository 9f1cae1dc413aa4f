package plenary.query.drafting;

import com.fasterxml.jackson.annotation.JsonInclude;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.Paragraph;
import plenary.text.Revision;
import plenary.text.SilenceProcedure;
import plenary.text.markdown.MarkdownRenderer;

import java.util.List;

/**
 * {@code GET /api/drafts/{d}?form=lean}: the document for a client that renders the content tree, as the web client
 * does. Each paragraph leaves out {@code text} and {@code brackets[]} (the same words twice over, and most of the
 * 200-page draft's 10 MB); its content's brackets say who raised them and who holds each alternative instead.
 * {@code form=header} leaves out the paragraphs: what a client reads again when a change touched only the header.
 */
record LeanDraft(String draftId, long version, DraftStatus status, String reference, String symbol, String title,
                 String date, String venue, String kind, String statusLine,
                 List<DraftView.ParticipantView> participants, String chapeau, List<ContentView> chapeauContent,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<LeanParagraph> paragraphs, List<DraftView.FootnoteView> footnotes, List<Revision> revisions,
                 SilenceProcedure silenceProcedure, String contentHash) {

    /** A paragraph as {@link DraftView.ParagraphView}, without {@code text} and {@code brackets}. */
    record LeanParagraph(String paragraphId, Section section, String number, ParagraphStatus status,
                         List<Paragraph.Agreement> agreements, String label, int depth, int heading,
                         List<ContentView> content) {
    }

    static LeanDraft of(Document doc, boolean paragraphs) {
        DraftView header = DraftView.header(doc);
        return new LeanDraft(header.draftId(), header.version(), header.status(), header.reference(), header.symbol(),
                header.title(), header.date(), header.venue(), header.kind(), header.statusLine(),
                header.participants(), header.chapeau(), header.chapeauContent(),
                paragraphs ? doc.paragraphs().stream().map(p -> paragraph(doc, p)).toList() : null,
                header.footnotes(), header.revisions(), header.silenceProcedure(), header.contentHash());
    }

    private static LeanParagraph paragraph(Document doc, Paragraph p) {
        return new LeanParagraph(p.id(), p.section(), p.number(), p.status(), p.agreements(),
                p.number() == null || p.heading() ? null : MarkdownRenderer.number(p),
                p.depth(), p.heading() ? p.layout().heading() : 0, ContentView.of(doc, p.content(), true));
    }
}
