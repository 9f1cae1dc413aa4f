package plenary.drafting.participants;

import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A participation became CONFIRMED or PENDING. */
@PayloadRevision(1)
public record ParticipationChanged(String draftId, String participantId, Participation participation, Actor actor)
        implements DraftEvent {
}
