package plenary.drafting;

import plenary.identity.Actor;

public record AdmitDelegation(String draftId, String code, String name, Participation participation, Actor actor)
        implements DraftCommand {
}
