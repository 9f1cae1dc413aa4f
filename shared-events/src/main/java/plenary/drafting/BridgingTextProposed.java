package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Inline;

import java.util.List;

/** The chair replaced several alternatives of a bracket by one bridging text. */
public record BridgingTextProposed(String draftId, String bracketId, List<String> replaces,
                                   Inline.Alternative bridging, Actor actor) implements DraftEvent {
}
