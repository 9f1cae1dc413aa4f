package plenary.drafting;

import plenary.identity.Actor;

/** A delegation joined the draft; {@code participantId} is the participant it is, or becomes, in the text. */
public record DelegationAdmitted(String draftId, String participantId, String code, String name,
                                 Participation participation, Actor actor) implements DraftEvent {
}
