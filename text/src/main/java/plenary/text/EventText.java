package plenary.text;

import plenary.drafting.TextFootnote;
import plenary.drafting.TextHeader;
import plenary.drafting.TextParagraph;
import plenary.drafting.TextParticipant;
import plenary.drafting.WholeText;
import plenary.drafting.Wording;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text as events carry it (the published value types of shared-events) and as the model holds it, each into
 * the other. The fold reads events through here, and whoever makes an event writes its text through here, so the
 * model can change shape without changing a stored payload.
 */
public final class EventText {

    // ---- from events into the model

    /**
     * The content as the model holds it. Markup recorded before {@link InlineHtml} (an {@code <img onerror>} kept as
     * written) reads as the text would have it now, its {@code <} escaped: the record keeps what was sent, the
     * document never holds active HTML.
     */
    public static List<Inline> inline(List<Wording> wording) {
        List<Inline> content = new ArrayList<>(wording.size());
        for (Wording node : wording) {
            if (node instanceof Wording.Verbatim v && InlineHtml.active(v.text())) {
                content.add(new Inline.Escaped("<"));
                content.add(new Inline.Text(v.text().substring(1)));
            } else {
                content.add(node(node));
            }
        }
        return Collections.unmodifiableList(content);
    }

    private static Inline node(Wording node) {
        if (node instanceof Wording.Text t) {
            return new Inline.Text(t.text());
        }
        if (node instanceof Wording.Emphasis e) {
            return new Inline.Emphasis(inline(e.content()));
        }
        if (node instanceof Wording.Strong s) {
            return new Inline.Strong(inline(s.content()));
        }
        if (node instanceof Wording.FootnoteRef f) {
            return new Inline.FootnoteRef(f.label(), f.style() == null ? null : Footnote.Style.valueOf(f.style().name()));
        }
        if (node instanceof Wording.LineBreak br) {
            return new Inline.LineBreak(Boolean.TRUE.equals(br.backslash()));
        }
        if (node instanceof Wording.Escaped x) {
            return new Inline.Escaped(x.character());
        }
        if (node instanceof Wording.Bracket b) {
            return new Inline.Bracket(b.id(), b.raisedBy(), b.alternatives().stream().map(EventText::alternative).toList(),
                    b.kind() == null ? null : Inline.Bracket.Kind.valueOf(b.kind().name()));
        }
        if (node instanceof Wording.ParticipantRef p) {
            return new Inline.ParticipantRef(p.participantId());
        }
        return new Inline.Verbatim(((Wording.Verbatim) node).text());
    }

    public static Inline.Alternative alternative(Wording.Alternative a) {
        return new Inline.Alternative(a.id(), a.proposedBy(), inline(a.content()), a.supporters(), a.objectors());
    }

    public static Paragraph paragraph(TextParagraph p) {
        TextParagraph.Layout l = p.layout();
        return new Paragraph(p.id(), p.section(), p.number(), p.status(), inline(p.content()),
                p.agreements().stream().map(a -> new Paragraph.Agreement(a.delegation(), a.adReferendum())).toList(),
                l == null ? null : new Paragraph.Layout(l.heading(), l.depth(),
                        l.marker() == null ? null : Paragraph.Marker.valueOf(l.marker().name())));
    }

    public static Footnote footnote(TextFootnote f) {
        return new Footnote(f.label(), inline(f.content()),
                f.style() == null ? null : Footnote.Style.valueOf(f.style().name()), f.after(), f.ruled());
    }

    public static Header header(TextHeader h) {
        TextHeader.Written w = h.written();
        return new Header(h.reference(), h.date(), h.statusLine(), h.title(), h.venue(), h.kind(), h.issue(),
                w == null ? null : new Header.Written(w.title(), w.venue(), w.kind()));
    }

    public static Participant participant(TextParticipant p) {
        return new Participant(p.id(), p.code(), p.name(), p.participation(), p.observer());
    }

    /** A whole text as the model holds a parsed text ({@link Document#text}). */
    public static Document document(WholeText t) {
        return Document.text(header(t.header()), t.participants().stream().map(EventText::participant).toList(),
                t.paragraphs().stream().map(EventText::paragraph).toList(), inline(t.chapeau()),
                t.footnotes().stream().map(EventText::footnote).toList(), t.footnotesAfter());
    }

    // ---- from the model into events

    public static List<Wording> wording(List<Inline> content) {
        return content.stream().map(EventText::wording).toList();
    }

    private static Wording wording(Inline node) {
        if (node instanceof Inline.Text t) {
            return new Wording.Text(t.text());
        }
        if (node instanceof Inline.Emphasis e) {
            return new Wording.Emphasis(wording(e.content()));
        }
        if (node instanceof Inline.Strong s) {
            return new Wording.Strong(wording(s.content()));
        }
        if (node instanceof Inline.FootnoteRef f) {
            return new Wording.FootnoteRef(f.label(),
                    f.style() == null ? null : Wording.FootnoteStyle.valueOf(f.style().name()));
        }
        if (node instanceof Inline.LineBreak br) {
            return new Wording.LineBreak(br.backslash() ? Boolean.TRUE : null);
        }
        if (node instanceof Inline.Escaped x) {
            return new Wording.Escaped(x.character());
        }
        if (node instanceof Inline.Bracket b) {
            return new Wording.Bracket(b.id(), b.raisedBy(), b.alternatives().stream().map(EventText::wording).toList(),
                    Wording.BracketKind.valueOf(b.kind().name()));
        }
        if (node instanceof Inline.ParticipantRef p) {
            return new Wording.ParticipantRef(p.participantId());
        }
        return new Wording.Verbatim(((Inline.Verbatim) node).text());
    }

    public static Wording.Alternative wording(Inline.Alternative a) {
        return new Wording.Alternative(a.id(), a.proposedBy(), wording(a.content()), a.supporters(), a.objectors());
    }

    public static TextParagraph recorded(Paragraph p) {
        Paragraph.Layout l = p.layout();
        return new TextParagraph(p.id(), p.section(), p.number(), p.status(), wording(p.content()),
                p.agreements().stream().map(a -> new TextParagraph.Agreement(a.delegation(), a.adReferendum())).toList(),
                l == null ? null : new TextParagraph.Layout(l.heading(), l.depth(),
                        l.marker() == null ? null : TextParagraph.Marker.valueOf(l.marker().name())));
    }

    public static TextFootnote recorded(Footnote f) {
        return new TextFootnote(f.label(), wording(f.content()),
                f.style() == null ? null : Wording.FootnoteStyle.valueOf(f.style().name()), f.after(), f.ruled());
    }

    public static TextHeader recorded(Header h) {
        Header.Written w = h.written();
        return new TextHeader(h.reference(), h.date(), h.statusLine(), h.title(), h.venue(), h.kind(), h.issue(),
                w == null ? null : new TextHeader.Written(w.title(), w.venue(), w.kind()));
    }

    public static TextParticipant recorded(Participant p) {
        return new TextParticipant(p.id(), p.code(), p.name(), p.participation(), p.observer());
    }

    /** A parsed text as an import or a corrigendum records it. */
    public static WholeText whole(Document text) {
        return new WholeText(recorded(text.header()), text.participants().stream().map(EventText::recorded).toList(),
                text.paragraphs().stream().map(EventText::recorded).toList(), wording(text.chapeau()),
                text.footnotes().stream().map(EventText::recorded).toList(), text.footnotesAfter());
    }

    private EventText() {
    }
}
