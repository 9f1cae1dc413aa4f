package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

import java.util.List;

/** Brackets the {@code occurrence}-th (1-based) occurrence of the quoted words, optionally offering alternatives. */
public record BracketText(String draftId, String paragraphId, String quote, int occurrence, List<String> alternatives,
                          String reason, Actor actor) implements DraftCommand {
    public BracketText {
        // a null alternative, like an empty one, proposes deletion
        alternatives = alternatives == null ? List.of()
                : alternatives.stream().map(a -> a == null ? "" : a).toList();
    }
}
