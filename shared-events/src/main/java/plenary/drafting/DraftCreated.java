package plenary.drafting;

import plenary.identity.Actor;

public record DraftCreated(String draftId, String reference, String title, String kind, String date, String venue,
                           Actor actor) implements DraftEvent {
}
