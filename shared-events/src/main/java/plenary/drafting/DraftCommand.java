package plenary.drafting;

import plenary.identity.Actor;

/** A drafting action asked of one draft, by the authenticated actor. */
public sealed interface DraftCommand permits CreateDraft, ImportDraft, AdmitDelegation, ProposeParagraph,
        BracketText, ProposeAlternative, AcceptAlternative, FinaliseDraft,
        ReviseDraftFromText {

    String draftId();

    Actor actor();
}
