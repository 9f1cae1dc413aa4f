package plenary.drafting;

import plenary.identity.Actor;

/** A participation became CONFIRMED or PENDING. */
public record ParticipationChanged(String draftId, String participantId, Participation participation, Actor actor)
        implements DraftEvent {
}
