package plenary.query.drafting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import plenary.drafting.Participation;
import plenary.text.Attribution;
import plenary.text.Conventions;
import plenary.text.Document;
import plenary.text.Inline;
import plenary.text.InlineHtml;
import plenary.text.Participant;

import java.util.List;

/**
 * Inline content as a tree, beside the Markdown {@code text}: what a client needs to render a paragraph without
 * parsing Markdown, and to tell a bracket (with its id) from a pending participant, which Markdown writes alike.
 * It names participants and footnotes as they stand, so that a paragraph renders from its own JSON alone.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContentView.Text.class, name = "text"),
        @JsonSubTypes.Type(value = ContentView.Emphasis.class, name = "emphasis"),
        @JsonSubTypes.Type(value = ContentView.Strong.class, name = "strong"),
        @JsonSubTypes.Type(value = ContentView.FootnoteRef.class, name = "footnoteRef"),
        @JsonSubTypes.Type(value = ContentView.LineBreak.class, name = "lineBreak"),
        @JsonSubTypes.Type(value = ContentView.Bracket.class, name = "bracket"),
        @JsonSubTypes.Type(value = ContentView.ParticipantName.class, name = "participant"),
        @JsonSubTypes.Type(value = ContentView.Verbatim.class, name = "verbatim")
})
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
sealed interface ContentView {

    record Text(String text) implements ContentView {
    }

    /** {@code note}: an editorial note in braces, {@code *{Note: …}*}. */
    record Emphasis(List<ContentView> content, boolean note) implements ContentView {
    }

    record Strong(List<ContentView> content) implements ContentView {
    }

    record FootnoteRef(String label) implements ContentView {
    }

    record LineBreak() implements ContentView {
    }

    /**
     * A bracket's slot: {@code kind} WORDS or OPTIONS, and its alternatives in order (the words as they stood
     * first). Who raised it and who holds each alternative are in the paragraph's {@code brackets}, by id; in the
     * lean form ({@link LeanDraft}), which has no {@code brackets}, here ({@code raisedBy}, and each alternative's
     * {@code proposedBy, supporters, objectors, attribution}; no supporters or objectors: left out).
     */
    record Bracket(String bracketId, String kind, boolean placeholder, List<Alternative> alternatives, String raisedBy)
            implements ContentView {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Alternative(String alternativeId, List<ContentView> content, String proposedBy, List<String> supporters,
                       List<String> objectors, String attribution) {
    }

    /** A participant named in the text; a pending one reads in brackets. */
    record ParticipantName(String participantId, String name, boolean pending) implements ContentView {
    }

    /** Markup kept as written: a stray bracket, an HTML tag, a code span. */
    record Verbatim(String text) implements ContentView {
    }

    static List<ContentView> of(Document doc, List<Inline> content) {
        return of(doc, content, false);
    }

    /** With {@code holders}, each bracket says who raised it and who holds each alternative (the lean form). */
    static List<ContentView> of(Document doc, List<Inline> content, boolean holders) {
        List<ContentView> views = new java.util.ArrayList<>();
        for (Inline node : content) {
            ContentView view = of(doc, node, holders);
            // an escaped character reads as text: one run of text, however the Markdown escaped it
            if (view instanceof Text t && !views.isEmpty() && views.get(views.size() - 1) instanceof Text before) {
                views.set(views.size() - 1, new Text(before.text() + t.text()));
            } else {
                views.add(view);
            }
        }
        return List.copyOf(views);
    }

    private static ContentView of(Document doc, Inline node, boolean holders) {
        if (node instanceof Inline.Text t) {
            return new Text(t.text());
        } else if (node instanceof Inline.Escaped x) {
            return new Text(x.character()); // the reader sees the character; only the Markdown keeps its backslash
        } else if (node instanceof Inline.Emphasis e) {
            return new Emphasis(of(doc, e.content(), holders), Conventions.editorialNote(e));
        } else if (node instanceof Inline.Strong s) {
            return new Strong(of(doc, s.content(), holders));
        } else if (node instanceof Inline.FootnoteRef f) {
            return new FootnoteRef(f.label());
        } else if (node instanceof Inline.LineBreak) {
            return new LineBreak();
        } else if (node instanceof Inline.Bracket b) {
            return new Bracket(b.id(), b.kind().name(), Conventions.placeholder(b), b.alternatives().stream()
                    .map(a -> holders
                            ? new Alternative(a.id(), of(doc, a.content(), true), a.proposedBy(),
                                    a.supporters().isEmpty() ? null : a.supporters(),
                                    a.objectors().isEmpty() ? null : a.objectors(), Attribution.of(a))
                            : new Alternative(a.id(), of(doc, a.content(), false), null, null, null, null))
                    .toList(), holders ? b.raisedBy() : null);
        } else if (node instanceof Inline.ParticipantRef ref) {
            Participant p = doc.participant(ref.participantId()).orElseThrow();
            return new ParticipantName(p.id(), p.name(), p.participation() == Participation.PENDING);
        } else if (node instanceof Inline.Verbatim v && InlineHtml.active(v.text())) {
            return new Text(v.text()); // markup a read model stored before InlineHtml may hold: text, as it is now
        } else if (node instanceof Inline.Verbatim v) {
            return new Verbatim(v.text());
        }
        throw new IllegalArgumentException("unknown inline " + node);
    }
}
