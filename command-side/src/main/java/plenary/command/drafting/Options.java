package plenary.command.drafting;

import plenary.text.Inline;
import plenary.text.Paragraph;

import java.util.List;

/** Reading a paragraph's shape: a choice of options, or a proposal to delete it. */
final class Options {

    /** The paragraph's OPTIONS bracket when the whole paragraph is a choice of options, else null. */
    static Inline.Bracket of(Paragraph paragraph) {
        Inline.Bracket whole = whole(paragraph);
        return whole != null && whole.kind() == Inline.Bracket.Kind.OPTIONS ? whole : null;
    }

    /** Whether the whole paragraph already stands in a bracket with deletion as an alternative. */
    static boolean deletionProposed(Paragraph paragraph) {
        Inline.Bracket whole = whole(paragraph);
        return whole != null && whole.alternatives().stream().anyMatch(a -> a.content().isEmpty());
    }

    /** The bracket that holds the whole paragraph, footnote references after it aside; else null. */
    private static Inline.Bracket whole(Paragraph paragraph) {
        List<Inline> content = paragraph.content();
        return !content.isEmpty() && content.get(0) instanceof Inline.Bracket b
                && content.stream().skip(1).allMatch(n -> n instanceof Inline.FootnoteRef) ? b : null;
    }

    private Options() {
    }
}
