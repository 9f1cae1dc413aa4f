package plenary.drafting.participants;

import plenary.drafting.DraftCommand;
import plenary.drafting.Participation;
import plenary.identity.Actor;

/** Admits a delegation, or an observer, to the draft. */
public record AdmitDelegation(String draftId, String code, String name, Participation participation, boolean observer,
                              Actor actor) implements DraftCommand {

    public AdmitDelegation(String draftId, String code, String name, Participation participation, Actor actor) {
        this(draftId, code, name, participation, false, actor);
    }
}
