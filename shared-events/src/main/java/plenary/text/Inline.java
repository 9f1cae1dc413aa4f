package plenary.text;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/** Inline content of a paragraph, a footnote or an alternative. Brackets nest to any depth. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Inline.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Inline.Emphasis.class, name = "emphasis"),
        @JsonSubTypes.Type(value = Inline.Strong.class, name = "strong"),
        @JsonSubTypes.Type(value = Inline.FootnoteRef.class, name = "footnoteRef"),
        @JsonSubTypes.Type(value = Inline.LineBreak.class, name = "lineBreak"),
        @JsonSubTypes.Type(value = Inline.Bracket.class, name = "bracket"),
        @JsonSubTypes.Type(value = Inline.ParticipantRef.class, name = "participant"),
        @JsonSubTypes.Type(value = Inline.Verbatim.class, name = "verbatim")
})
public sealed interface Inline {

    record Text(String text) implements Inline {
    }

    record Emphasis(List<Inline> content) implements Inline {
        public Emphasis {
            content = List.copyOf(content);
        }
    }

    record Strong(List<Inline> content) implements Inline {
        public Strong {
            content = List.copyOf(content);
        }
    }

    /** A reference to footnote {@code label}, written {@code <sup>1</sup>} or {@code [^1]} as the text had it. */
    record FootnoteRef(String label, Footnote.Style style) implements Inline {
        public FootnoteRef(String label) {
            this(label, null);
        }
    }

    record LineBreak() implements Inline {
    }

    /** Disputed text: one slot, one or more alternatives; the words as they stood are the first. */
    record Bracket(String id, String raisedBy, List<Alternative> alternatives) implements Inline {
        public Bracket {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a bracket holds at least one alternative");
            }
        }
    }

    record Alternative(String id, String proposedBy, List<Inline> content) {
        public Alternative {
            content = List.copyOf(content);
        }
    }

    /** A participant named in the text; rendered in brackets while its participation is pending. */
    record ParticipantRef(String participantId) implements Inline {
    }

    /**
     * Markup kept exactly as written because the text model does not interpret it: a stray bracket (one without
     * its partner), an HTML tag other than a footnote's {@code <sup>}, a code span. Never escaped on export.
     */
    record Verbatim(String text) implements Inline {
    }
}
