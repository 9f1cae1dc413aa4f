package plenary.command.drafting;

import plenary.text.Inline;
import plenary.text.Paragraph;

/** Reading a paragraph's shape: a choice of options, or a proposal to delete it. */
final class Options {

    /** The paragraph's OPTIONS bracket when the whole paragraph is a choice of options, else null. */
    static Inline.Bracket of(Paragraph paragraph) {
        return paragraph.content().size() == 1 && paragraph.content().get(0) instanceof Inline.Bracket b
                && b.kind() == Inline.Bracket.Kind.OPTIONS ? b : null;
    }

    /** Whether the whole paragraph already stands in a bracket with deletion as an alternative. */
    static boolean deletionProposed(Paragraph paragraph) {
        return paragraph.content().size() == 1 && paragraph.content().get(0) instanceof Inline.Bracket b
                && b.alternatives().stream().anyMatch(a -> a.content().isEmpty());
    }

    private Options() {
    }
}
