package plenary.text;

import plenary.drafting.AlternativeAccepted;
import plenary.drafting.AlternativeProposed;
import plenary.drafting.DelegationAdmitted;
import plenary.drafting.DraftCreated;
import plenary.drafting.DraftEvent;
import plenary.drafting.DraftFinalised;
import plenary.drafting.DraftImported;
import plenary.drafting.DraftRevisedFromText;
import plenary.drafting.DraftStatus;
import plenary.drafting.ParagraphProposed;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;
import plenary.drafting.TextBracketed;
import plenary.text.Inline.Alternative;
import plenary.text.Inline.Bracket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The single definition of what a draft says: applies one event to a document and returns the next one.
 * Pure and deterministic. The aggregate folds with it to check its rules; every projection folds with it to
 * render. An event that the fold cannot apply was never valid, so it fails loudly rather than guessing.
 */
public final class Fold {

    public static Document replay(Iterable<? extends DraftEvent> events) {
        Document doc = null;
        for (DraftEvent event : events) {
            doc = apply(doc, event);
        }
        return doc;
    }

    public static Document apply(Document doc, DraftEvent event) {
        if (event instanceof DraftCreated e) {
            Header header = new Header(e.reference(), e.date(), null, e.title(), e.venue(), e.kind());
            return bump(Document.empty(e.draftId(), header), DraftStatus.ZERO_DRAFT);
        }
        if (event instanceof DraftImported e) {
            Document d = e.document();
            return new Document(e.draftId(), 1, DraftStatus.ZERO_DRAFT, d.header(), d.participants(), d.paragraphs(),
                    d.chapeau(), d.footnotes(), d.footnotesAfter(), null);
        }
        if (doc == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " before the draft exists");
        }
        if (event instanceof DelegationAdmitted e) {
            return bump(admit(doc, e), doc.status());
        }
        if (event instanceof ParagraphProposed e) {
            return negotiated(propose(doc, e));
        }
        if (event instanceof TextBracketed e) {
            Bracket[] made = new Bracket[1];
            Document d = editParagraph(doc, e.paragraphId(), content -> new Quotes(new PlainText(doc.participants()))
                    .wrap(content, e.quote(), e.occurrence(), words -> {
                        List<Alternative> alts = new ArrayList<>();
                        alts.add(new Alternative(e.originalAlternativeId(), null, words));
                        alts.addAll(e.alternatives());
                        made[0] = new Bracket(e.bracketId(), e.actor().attribution(), alts);
                        return made[0];
                    }));
            return negotiated(d);
        }
        if (event instanceof AlternativeProposed e) {
            Alternative alt = new Alternative(e.alternativeId(), e.actor().attribution(), e.content());
            return negotiated(editBracket(doc, e.bracketId(), b -> {
                List<Alternative> alts = new ArrayList<>(b.alternatives());
                alts.add(alt);
                return List.of(new Bracket(b.id(), b.raisedBy(), alts));
            }));
        }
        if (event instanceof AlternativeAccepted e) {
            return negotiated(editBracket(doc, e.bracketId(), b -> b.alternatives().stream()
                    .filter(a -> a.id().equals(e.alternativeId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no alternative " + e.alternativeId()))
                    .content()));
        }
        // ---- a revision from a chair's new text (issue 6): the differences, in one event
        if (event instanceof DraftRevisedFromText e) {
            return TextRevision.apply(negotiated(doc), e);
        }
        // ----
        if (event instanceof DraftFinalised e) {
            Document fin = asFinal(doc);
            return new Document(fin.draftId(), doc.version() + 1, fin.status(), fin.header(), fin.participants(),
                    fin.paragraphs(), fin.chapeau(), fin.footnotes(), fin.footnotesAfter(), e.contentHash());
        }
        throw new IllegalArgumentException("the fold does not know " + event.getClass().getName());
    }

    /** The document as finalising would leave it, before its hash is known: the hash is taken over this text. */
    public static Document asFinal(Document doc) {
        return new Document(doc.draftId(), doc.version(), DraftStatus.FINAL, doc.header().withStatusLine("Final"),
                doc.participants(), doc.paragraphs(), doc.chapeau(), doc.footnotes(), doc.footnotesAfter(), null);
    }

    private static Document admit(Document doc, DelegationAdmitted e) {
        List<Participant> participants = new ArrayList<>(doc.participants());
        Participant admitted = new Participant(e.participantId(), e.code(), e.name(), e.participation());
        for (int i = 0; i < participants.size(); i++) {
            if (participants.get(i).id().equals(e.participantId())) {
                participants.set(i, admitted);
                return doc.with(doc.version(), doc.status(), doc.header(), participants, doc.paragraphs(),
                        doc.contentHash());
            }
        }
        participants.add(admitted);
        List<Paragraph> paragraphs = doc.paragraphs();
        List<Paragraph> preamble = doc.section(Section.PREAMBLE);
        if (!preamble.isEmpty()) {
            // Where the opening paragraph names the delegation, the text now refers to the participant.
            Paragraph opening = preamble.get(0);
            try {
                List<Inline> linked = new Quotes(new PlainText(participants))
                        .wrap(opening.content(), e.name(), 1, words -> new Inline.ParticipantRef(e.participantId()));
                paragraphs = replace(paragraphs, opening.withContent(linked));
            } catch (QuoteProblem notNamedThere) {
                // listed as a participant without being named in the text: nothing to link
            }
        }
        return doc.with(doc.version(), doc.status(), doc.header(), participants, paragraphs, doc.contentHash());
    }

    private static Document propose(Document doc, ParagraphProposed e) {
        Paragraph p = new Paragraph(e.paragraphId(), e.section(), e.number(), ParagraphStatus.PENDING, e.content());
        List<Paragraph> paragraphs = new ArrayList<>(doc.paragraphs());
        paragraphs.add(insertionIndex(doc, e.section(), e.after()), p);
        return doc.with(doc.version(), doc.status(), doc.header(), doc.participants(), paragraphs, doc.contentHash());
    }

    private static int insertionIndex(Document doc, Section section, String after) {
        List<Paragraph> all = doc.paragraphs();
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(after)) {
                    return i + 1;
                }
            }
            throw new IllegalStateException("no paragraph " + after);
        }
        int index = section == Section.PREAMBLE ? 0 : all.size();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).section() == Section.PREAMBLE) {
                index = section == Section.PREAMBLE ? i + 1 : index;
            }
        }
        return index;
    }

    private static Document editParagraph(Document doc, String paragraphId, UnaryOperator<List<Inline>> edit) {
        Paragraph p = doc.paragraph(paragraphId)
                .orElseThrow(() -> new IllegalStateException("no paragraph " + paragraphId));
        return doc.with(doc.version(), doc.status(), doc.header(), doc.participants(),
                replace(doc.paragraphs(), p.withContent(edit.apply(p.content()))), doc.contentHash());
    }

    private static Document editBracket(Document doc, String bracketId,
                                        java.util.function.Function<Bracket, List<Inline>> replacement) {
        Document.Located at = doc.locateBracket(bracketId)
                .orElseThrow(() -> new IllegalStateException("no bracket " + bracketId));
        return editParagraph(doc, at.paragraph().id(), content -> Brackets.rewrite(content, bracketId, replacement));
    }

    private static List<Paragraph> replace(List<Paragraph> paragraphs, Paragraph changed) {
        return paragraphs.stream().map(p -> p.id().equals(changed.id()) ? changed : p).toList();
    }

    /**
     * A drafting change: the zero draft is now under negotiation, and a status line the text was imported with
     * ("Final", say) no longer describes it.
     */
    private static Document negotiated(Document doc) {
        if (doc.status() != DraftStatus.ZERO_DRAFT) {
            return bump(doc, doc.status());
        }
        Document opened = doc.with(doc.version(), doc.status(), doc.header().withStatusLine(null), doc.participants(),
                doc.paragraphs(), doc.contentHash());
        return bump(opened, DraftStatus.UNDER_NEGOTIATION);
    }

    private static Document bump(Document doc, DraftStatus status) {
        return doc.with(doc.version() + 1, status, doc.header(), doc.participants(), doc.paragraphs(),
                doc.contentHash());
    }

    private Fold() {
    }
}
