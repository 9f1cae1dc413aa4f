package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.Wording;
import plenary.identity.Actor;

import java.util.List;

@PayloadRevision(1)
public record AlternativeProposed(String draftId, String bracketId, String alternativeId, List<Wording> content,
                                  Actor actor) implements DraftEvent {
    public AlternativeProposed {
        content = List.copyOf(content);
    }
}
