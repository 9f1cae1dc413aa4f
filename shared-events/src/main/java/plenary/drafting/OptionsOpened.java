package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Inline;

/** A paragraph became a choice of options: its text is Option 1, {@code option} Option 2. */
public record OptionsOpened(String draftId, String paragraphId, String bracketId, String originalAlternativeId,
                            Inline.Alternative option, Actor actor) implements DraftEvent {
}
