package plenary.text;

import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.paragraphs.ParagraphProposed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** How paragraphs change: proposed, moved, renumbered, given a status, agreed, footnoted. */
final class ParagraphEdits {

    static Document propose(Document doc, ParagraphProposed e) {
        Paragraph p = new Paragraph(e.paragraphId(), e.section(), e.number(), ParagraphStatus.PENDING,
                EventText.inline(e.content()));
        Paragraphs paragraphs = doc.indexed();
        return doc.withParagraphs(paragraphs.inserting(insertionIndex(paragraphs, e.section(), e.after(), true), p));
    }

    /** Moves a paragraph within its section: after {@code after}, or first when {@code after} is null. */
    static Document move(Document doc, String paragraphId, String after) {
        Paragraph moving = paragraph(doc, paragraphId);
        Paragraphs paragraphs = doc.indexed();
        int from = paragraphs.position(paragraphId);
        Paragraphs without = paragraphs.removing(from);
        return doc.withParagraphs(paragraphs.moving(from, insertionIndex(without, moving.section(), after, false)));
    }

    static Document renumber(Document doc, Map<String, String> numbers) {
        return doc.withParagraphs(doc.paragraphs().stream()
                .map(p -> numbers.containsKey(p.id()) ? p.withNumber(numbers.get(p.id())) : p).toList());
    }

    static Document status(Document doc, String paragraphId, ParagraphStatus status) {
        return replace(doc, paragraph(doc, paragraphId).withStatus(status));
    }

    /** A delegation's agreement is its own; agreeing ad referendum marks the paragraph so. */
    static Document agree(Document doc, String paragraphId, String delegation, boolean adReferendum) {
        Paragraph p = paragraph(doc, paragraphId);
        List<Paragraph.Agreement> agreements = new ArrayList<>(p.agreements());
        agreements.removeIf(a -> a.delegation().equals(delegation));
        agreements.add(new Paragraph.Agreement(delegation, adReferendum));
        ParagraphStatus status = adReferendum && p.status() != ParagraphStatus.AGREED
                ? ParagraphStatus.AGREED_AD_REFERENDUM : p.status();
        return replace(doc, p.withAgreements(agreements).withStatus(status));
    }

    /** Withdrawing an agreement reopens the paragraph. */
    static Document withdrawAgreement(Document doc, String paragraphId, String delegation) {
        Paragraph p = paragraph(doc, paragraphId);
        List<Paragraph.Agreement> agreements = p.agreements().stream()
                .filter(a -> !a.delegation().equals(delegation)).toList();
        return replace(doc, p.withAgreements(agreements).withStatus(ParagraphStatus.REOPENED));
    }

    static Document addFootnote(Document doc, FootnoteAdded e) {
        Footnote note = joiningTheNotes(doc.footnotes(), e.label(), EventText.inline(e.content()));
        Inline ref = new Inline.FootnoteRef(e.label(), note.style());
        Document referenced = edit(doc, e.paragraphId(), content -> {
            if (e.quote() == null) {
                List<Inline> out = new ArrayList<>(content);
                out.add(ref);
                return out;
            }
            return new Quotes(new PlainText(doc.participants())).replace(content, e.quote(), 1, words -> {
                List<Inline> out = new ArrayList<>(words);
                out.add(ref);
                return out;
            });
        });
        List<Footnote> footnotes = new ArrayList<>(doc.footnotes());
        footnotes.add(note);
        return referenced.withFootnotes(footnotes);
    }

    /** A new note stands with the notes the text already has, written in their style, after no rule of its own. */
    private static Footnote joiningTheNotes(List<Footnote> notes, String label, List<Inline> content) {
        if (notes.isEmpty()) {
            return new Footnote(label, content);
        }
        Footnote last = notes.get(notes.size() - 1);
        return new Footnote(label, content, last.style(), last.after(), last.ruled() == null ? null : false);
    }

    static Document removeFootnote(Document doc, String label) {
        List<Paragraph> paragraphs = doc.paragraphs().stream()
                .map(p -> p.withContent(Brackets.withoutFootnoteRef(p.content(), label))).toList();
        return doc.withParagraphs(paragraphs)
                .withFootnotes(doc.footnotes().stream().filter(f -> !f.label().equals(label)).toList());
    }

    static Document edit(Document doc, String paragraphId, UnaryOperator<List<Inline>> edit) {
        Paragraph p = paragraph(doc, paragraphId);
        return replace(doc, p.withContent(edit.apply(p.content())));
    }

    private static Document replace(Document doc, Paragraph changed) {
        Paragraphs paragraphs = doc.indexed();
        return doc.withParagraphs(paragraphs.replacing(paragraphs.position(changed.id()), changed));
    }

    /** The document without paragraph {@code paragraphId}. */
    static Document remove(Document doc, String paragraphId) {
        Paragraphs paragraphs = doc.indexed();
        return doc.withParagraphs(paragraphs.removing(paragraphs.position(paragraphId)));
    }

    private static Paragraph paragraph(Document doc, String paragraphId) {
        return doc.paragraph(paragraphId).orElseThrow(() -> new IllegalStateException("no paragraph " + paragraphId));
    }

    /**
     * Where a paragraph goes: right after {@code after}; otherwise at the end of its section (a new proposal) or
     * at its start (a move to the top). Preambular paragraphs come before operative ones.
     */
    private static int insertionIndex(Paragraphs all, Section section, String after, boolean atEnd) {
        if (after != null) {
            int at = all.position(after);
            if (at < 0) {
                throw new IllegalStateException("no paragraph " + after);
            }
            return at + 1;
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).section() == section) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0) {
            return atEnd ? last + 1 : first;
        }
        return section == Section.PREAMBLE ? 0 : all.size();
    }

    private ParagraphEdits() {
    }
}
