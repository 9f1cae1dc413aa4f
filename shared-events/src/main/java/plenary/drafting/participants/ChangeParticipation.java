package plenary.drafting.participants;

import plenary.drafting.DraftCommand;
import plenary.drafting.Participation;
import plenary.identity.Actor;

/** Marks a participation CONFIRMED or PENDING: the secretariat for anyone, a delegation for itself. */
public record ChangeParticipation(String draftId, String code, Participation participation, Actor actor)
        implements DraftCommand {
}
