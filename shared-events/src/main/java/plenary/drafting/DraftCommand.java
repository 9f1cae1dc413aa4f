package plenary.drafting;

import plenary.identity.Actor;

/** A drafting action asked of one draft, by the authenticated actor. */
public sealed interface DraftCommand permits
        CreateDraft, ImportDraft, AdmitDelegation, ProposeParagraph, BracketText, ProposeAlternative,
        AcceptAlternative, FinaliseDraft, SupportAlternative, ObjectToAlternative, WithdrawAlternative,
        WithdrawBracket, ProposeOption, ProposeBridgingText, ProposeDeletion, MoveParagraph,
        RenumberParagraphs, SetParagraphStatus, AgreeParagraph, WithdrawAgreement, ChangeParticipation,
        AddFootnote, RemoveFootnote, IssueRevision, StartSilenceProcedure, BreakSilence, IssueCorrigendum,
        ReviseDraftFromText {

    String draftId();

    Actor actor();
}
