package plenary.drafting;

import plenary.identity.Actor;

/** A participant broke silence: nothing is adopted and negotiation resumes. */
public record SilenceBroken(String draftId, String procedureId, String reason, Actor actor) implements DraftEvent {
}
