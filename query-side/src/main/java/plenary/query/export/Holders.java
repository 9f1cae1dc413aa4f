package plenary.query.export;

import plenary.text.Inline;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Who holds a bracket, as compilation texts print it after the bracket: "(KAZ, TUR)". */
final class Holders {

    static String of(Inline.Bracket bracket) {
        Set<String> holders = new LinkedHashSet<>();
        Stream.concat(Stream.of(bracket.raisedBy()), bracket.alternatives().stream().map(Inline.Alternative::proposedBy))
                .filter(Objects::nonNull).forEach(holders::add);
        return holders.isEmpty() ? "" : "(" + String.join(", ", holders) + ")";
    }

    /** "alternative 2 of 3, proposed by TUR": a bracket's alternative described for a tooltip. */
    static String describe(Inline.Bracket bracket, int index) {
        Inline.Alternative a = bracket.alternatives().get(index);
        String who = index == 0 ? bracket.raisedBy() : a.proposedBy();
        return (bracket.alternatives().size() > 1 ? "alternative " + (index + 1) + " of " + bracket.alternatives().size()
                : "bracketed") + (who == null ? "" : (index == 0 ? ", raised by " : ", proposed by ") + who);
    }

    private Holders() {
    }
}
