package plenary.drafting.draft;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

@PayloadRevision(1)
public record DraftCreated(String draftId, String reference, String title, String kind, String date, String venue,
                           Actor actor) implements DraftEvent {
}
