package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.Wording;
import plenary.identity.Actor;

/** A paragraph became a choice of options: its text is Option 1, {@code option} Option 2. */
@PayloadRevision(1)
public record OptionsOpened(String draftId, String paragraphId, String bracketId, String originalAlternativeId,
                            Wording.Alternative option, Actor actor) implements DraftEvent {
}
