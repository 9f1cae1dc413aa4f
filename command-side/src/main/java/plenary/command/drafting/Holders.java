package plenary.command.drafting;

import plenary.text.Inline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who else holds a proposal: a delegation may withdraw its own only while nobody else does. */
final class Holders {

    /** Others that support the alternative. */
    static List<String> ofAlternative(Inline.Alternative alternative, String me) {
        return alternative.supporters().stream().filter(s -> !s.equals(me)).toList();
    }

    /** Others that proposed an alternative for the bracket, or took a position on one of them. */
    static List<String> ofBracket(Inline.Bracket bracket, String me) {
        Set<String> others = new LinkedHashSet<>();
        for (Inline.Alternative a : bracket.alternatives()) {
            if (a.proposedBy() != null) {
                others.add(a.proposedBy());
            }
            others.addAll(a.supporters());
            others.addAll(a.objectors());
        }
        others.remove(me);
        return new ArrayList<>(others);
    }

    private Holders() {
    }
}
