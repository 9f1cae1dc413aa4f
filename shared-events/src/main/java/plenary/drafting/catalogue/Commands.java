package plenary.drafting.catalogue;

import plenary.drafting.DraftCommand;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.ObjectToAlternative;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.brackets.ProposeBridgingText;
import plenary.drafting.brackets.ProposeDeletion;
import plenary.drafting.brackets.ProposeOption;
import plenary.drafting.brackets.SupportAlternative;
import plenary.drafting.brackets.WithdrawAlternative;
import plenary.drafting.brackets.WithdrawBracket;
import plenary.drafting.draft.CreateDraft;
import plenary.drafting.draft.ImportDraft;
import plenary.drafting.draft.ReviseDraftFromText;
import plenary.drafting.footnotes.AddFootnote;
import plenary.drafting.footnotes.RemoveFootnote;
import plenary.drafting.paragraphs.AgreeParagraph;
import plenary.drafting.paragraphs.MoveParagraph;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.paragraphs.RenumberParagraphs;
import plenary.drafting.paragraphs.SetParagraphStatus;
import plenary.drafting.paragraphs.WithdrawAgreement;
import plenary.drafting.participants.AdmitDelegation;
import plenary.drafting.participants.ChangeParticipation;
import plenary.drafting.procedure.BreakSilence;
import plenary.drafting.procedure.FinaliseDraft;
import plenary.drafting.procedure.IssueCorrigendum;
import plenary.drafting.procedure.IssueRevision;
import plenary.drafting.procedure.StartSilenceProcedure;

import java.util.List;

/** Every drafting command there is: what the role matrix must cover. */
public final class Commands {

    private static final List<Class<? extends DraftCommand>> ALL = List.of(
            AcceptAlternative.class,
            AddFootnote.class,
            AdmitDelegation.class,
            AgreeParagraph.class,
            BracketText.class,
            BreakSilence.class,
            ChangeParticipation.class,
            CreateDraft.class,
            FinaliseDraft.class,
            ImportDraft.class,
            IssueCorrigendum.class,
            IssueRevision.class,
            MoveParagraph.class,
            ObjectToAlternative.class,
            ProposeAlternative.class,
            ProposeBridgingText.class,
            ProposeDeletion.class,
            ProposeOption.class,
            ProposeParagraph.class,
            RemoveFootnote.class,
            RenumberParagraphs.class,
            ReviseDraftFromText.class,
            SetParagraphStatus.class,
            StartSilenceProcedure.class,
            SupportAlternative.class,
            WithdrawAgreement.class,
            WithdrawAlternative.class,
            WithdrawBracket.class);

    public static List<Class<? extends DraftCommand>> all() {
        return ALL;
    }

    private Commands() {
    }
}
