package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Inline;

import java.util.List;

public record AlternativeProposed(String draftId, String bracketId, String alternativeId, List<Inline> content,
                                  Actor actor) implements DraftEvent {
    public AlternativeProposed {
        content = List.copyOf(content);
    }
}
