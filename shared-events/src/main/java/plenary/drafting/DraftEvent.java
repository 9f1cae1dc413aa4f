package plenary.drafting;

import plenary.identity.Actor;

/** Something that happened to a draft. The events of a draft, in order, are its record. */
public sealed interface DraftEvent permits
        DraftCreated, DraftImported, DelegationAdmitted, ParagraphProposed, TextBracketed, AlternativeProposed,
        AlternativeAccepted, DraftFinalised, AlternativeSupported, AlternativeObjected, AlternativeWithdrawn,
        BracketWithdrawn, OptionsOpened, BridgingTextProposed, DeletionProposed, ParagraphMoved,
        ParagraphsRenumbered, ParagraphStatusSet, ParagraphAgreed, AgreementWithdrawn, ParticipationChanged,
        FootnoteAdded, FootnoteRemoved, RevisionIssued, SilenceProcedureStarted, SilenceBroken,
        SilenceProcedureConcluded, CorrigendumIssued,
        DraftRevisedFromText {

    String draftId();

    Actor actor();
}
