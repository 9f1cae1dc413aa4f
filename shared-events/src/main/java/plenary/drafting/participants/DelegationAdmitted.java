package plenary.drafting.participants;

import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/**
 * A delegation (or an observer) joined the draft; {@code participantId} is the participant it is, or becomes, in
 * the text.
 */
@PayloadRevision(1)
public record DelegationAdmitted(String draftId, String participantId, String code, String name,
                                 Participation participation, boolean observer, Actor actor) implements DraftEvent {

    public DelegationAdmitted(String draftId, String participantId, String code, String name,
                              Participation participation, Actor actor) {
        this(draftId, participantId, code, name, participation, false, actor);
    }
}
