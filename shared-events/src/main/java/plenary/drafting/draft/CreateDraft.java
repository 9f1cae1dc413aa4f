package plenary.drafting.draft;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

public record CreateDraft(String draftId, String reference, String title, String kind, String date, String venue,
                          Actor actor) implements DraftCommand {
}
