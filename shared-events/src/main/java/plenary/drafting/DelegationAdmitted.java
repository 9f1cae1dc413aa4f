package plenary.drafting;

import plenary.identity.Actor;

/**
 * A delegation (or an observer) joined the draft; {@code participantId} is the participant it is, or becomes, in
 * the text.
 */
public record DelegationAdmitted(String draftId, String participantId, String code, String name,
                                 Participation participation, boolean observer, Actor actor) implements DraftEvent {

    public DelegationAdmitted(String draftId, String participantId, String code, String name,
                              Participation participation, Actor actor) {
        this(draftId, participantId, code, name, participation, false, actor);
    }
}
