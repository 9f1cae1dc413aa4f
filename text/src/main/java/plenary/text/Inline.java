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
        @JsonSubTypes.Type(value = Inline.Verbatim.class, name = "verbatim"),
        @JsonSubTypes.Type(value = Inline.Escaped.class, name = "escaped")
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

    /**
     * A line break inside a paragraph, written as the text wrote it: two spaces, or (when {@code backslash}) a
     * backslash at the end of the line.
     */
    record LineBreak(boolean backslash) implements Inline {
        public LineBreak() {
            this(false);
        }
    }

    /**
     * Disputed text: one slot, one or more alternatives; the words as they stood are the first. An OPTIONS
     * bracket holds the alternatives for a whole paragraph ("Option 1: …", "Option 2: No text").
     */
    record Bracket(String id, String raisedBy, List<Alternative> alternatives, Kind kind) implements Inline {
        public enum Kind { WORDS, OPTIONS }

        public Bracket {
            alternatives = List.copyOf(alternatives);
            kind = kind == null ? Kind.WORDS : kind;
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a bracket holds at least one alternative");
            }
        }

        public Bracket(String id, String raisedBy, List<Alternative> alternatives) {
            this(id, raisedBy, alternatives, Kind.WORDS);
        }

        public Bracket withAlternatives(List<Alternative> changed) {
            return new Bracket(id, raisedBy, changed, kind);
        }

        public java.util.Optional<Alternative> alternative(String alternativeId) {
            return alternatives.stream().filter(a -> a.id().equals(alternativeId)).findFirst();
        }
    }

    /** One text for a bracket's slot, with who proposed it and the delegations that support or object to it. */
    record Alternative(String id, String proposedBy, List<Inline> content, List<String> supporters,
                       List<String> objectors) {
        public Alternative {
            content = List.copyOf(content);
            supporters = supporters == null ? List.of() : List.copyOf(supporters);
            objectors = objectors == null ? List.of() : List.copyOf(objectors);
        }

        public Alternative(String id, String proposedBy, List<Inline> content) {
            this(id, proposedBy, content, List.of(), List.of());
        }

        public Alternative withContent(List<Inline> changed) {
            return new Alternative(id, proposedBy, changed, supporters, objectors);
        }

        public Alternative withPositions(List<String> supporting, List<String> objecting) {
            return new Alternative(id, proposedBy, content, supporting, objecting);
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

    /**
     * A character the text wrote escaped ({@code \*}, {@code \$}, {@code \^} …): it reads as the character itself,
     * and the Markdown writes it back with its backslash, so that an escaped footnote mark never becomes a list.
     */
    record Escaped(String character) implements Inline {
    }
}
