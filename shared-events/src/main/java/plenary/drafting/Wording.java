package plenary.drafting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * Words as an event records them: inline content of a paragraph, a footnote or an alternative, with its emphasis,
 * footnote references, participants named and brackets, which nest to any depth. The JSON names ({@code node}) are
 * part of the stored record and never change.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Wording.Text.class, name = "text"),
        @JsonSubTypes.Type(value = Wording.Emphasis.class, name = "emphasis"),
        @JsonSubTypes.Type(value = Wording.Strong.class, name = "strong"),
        @JsonSubTypes.Type(value = Wording.FootnoteRef.class, name = "footnoteRef"),
        @JsonSubTypes.Type(value = Wording.LineBreak.class, name = "lineBreak"),
        @JsonSubTypes.Type(value = Wording.Bracket.class, name = "bracket"),
        @JsonSubTypes.Type(value = Wording.ParticipantRef.class, name = "participant"),
        @JsonSubTypes.Type(value = Wording.Verbatim.class, name = "verbatim"),
        @JsonSubTypes.Type(value = Wording.Escaped.class, name = "escaped")
})
public sealed interface Wording {

    record Text(String text) implements Wording {
    }

    record Emphasis(List<Wording> content) implements Wording {
        public Emphasis {
            content = List.copyOf(content);
        }
    }

    record Strong(List<Wording> content) implements Wording {
        public Strong {
            content = List.copyOf(content);
        }
    }

    /** A reference to footnote {@code label}; {@code style} null is {@link FootnoteStyle#SUP}. */
    record FootnoteRef(String label, FootnoteStyle style) implements Wording {
    }

    /** A line break; {@code backslash} true when the text wrote it as a backslash, null (left out) for two spaces. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LineBreak(Boolean backslash) implements Wording {
    }

    /** Disputed words: the alternatives for one slot, the words as they stood first. {@code kind} null is WORDS. */
    record Bracket(String id, String raisedBy, List<Alternative> alternatives, BracketKind kind) implements Wording {
        public Bracket {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** One text for a bracket's slot, who proposed it and the delegations that support or object to it. */
    record Alternative(String id, String proposedBy, List<Wording> content, List<String> supporters,
                       List<String> objectors) {
        public Alternative {
            content = List.copyOf(content);
            supporters = supporters == null ? List.of() : List.copyOf(supporters);
            objectors = objectors == null ? List.of() : List.copyOf(objectors);
        }

        public Alternative(String id, String proposedBy, List<Wording> content) {
            this(id, proposedBy, content, List.of(), List.of());
        }
    }

    /** A participant named in the text. */
    record ParticipantRef(String participantId) implements Wording {
    }

    /** Markup kept exactly as written: a stray bracket, an HTML tag, a code span. */
    record Verbatim(String text) implements Wording {
    }

    /** A character the text wrote escaped ({@code \*}): it reads as itself and is written back with its backslash. */
    record Escaped(String character) implements Wording {
    }

    /** How a footnote's reference and note are written: {@code <sup>1</sup>} or {@code [^1]}. */
    enum FootnoteStyle { SUP, CARET }

    /** Disputed words, or a whole paragraph's options ("Option 1: …", "Option 2: No text"). */
    enum BracketKind { WORDS, OPTIONS }
}
