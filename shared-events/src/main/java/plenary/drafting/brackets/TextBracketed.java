package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.Wording;
import plenary.identity.Actor;

import java.util.List;

/**
 * Words were put in brackets. The words as they stood become the alternative {@code originalAlternativeId};
 * {@code alternatives} are those offered with the bracket, {@code rationale} why the delegation disputes them.
 * Revision 2 renamed {@code reason} to {@code rationale}; events stored before are read through an upcaster.
 */
@PayloadRevision(2)
public record TextBracketed(String draftId, String paragraphId, String bracketId, String quote, int occurrence,
                            String originalAlternativeId, List<Wording.Alternative> alternatives, String rationale,
                            Actor actor) implements DraftEvent {
    public TextBracketed {
        alternatives = List.copyOf(alternatives);
    }
}
