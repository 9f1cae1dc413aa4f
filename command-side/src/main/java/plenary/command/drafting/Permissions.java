package plenary.command.drafting;

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
import plenary.identity.Role;
import plenary.text.Document;
import plenary.text.Participant;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static plenary.identity.Role.CHAIR;
import static plenary.identity.Role.DELEGATION;
import static plenary.identity.Role.SECRETARIAT;

/** Who may do what: the role matrix of DOMAIN.md and API.md, in one table. */
final class Permissions {

    private static final Set<Role> DRAFTERS = EnumSet.of(DELEGATION, CHAIR);

    /** DOMAIN.md's table: a chair may do what a delegation may, except hold a delegation's own positions. */
    private static final Map<Class<? extends DraftCommand>, Set<Role>> MATRIX = Map.ofEntries(
            Map.entry(CreateDraft.class, EnumSet.of(SECRETARIAT)),
            Map.entry(ImportDraft.class, EnumSet.of(SECRETARIAT)),
            Map.entry(AdmitDelegation.class, EnumSet.of(SECRETARIAT)),
            Map.entry(ChangeParticipation.class, EnumSet.of(SECRETARIAT, DELEGATION)),
            Map.entry(ProposeParagraph.class, DRAFTERS),
            Map.entry(BracketText.class, DRAFTERS),
            Map.entry(ProposeAlternative.class, DRAFTERS),
            Map.entry(ProposeOption.class, DRAFTERS),
            Map.entry(ProposeDeletion.class, DRAFTERS),
            Map.entry(WithdrawAlternative.class, DRAFTERS),
            Map.entry(WithdrawBracket.class, DRAFTERS),
            Map.entry(SupportAlternative.class, EnumSet.of(DELEGATION)),
            Map.entry(ObjectToAlternative.class, EnumSet.of(DELEGATION)),
            Map.entry(AgreeParagraph.class, EnumSet.of(DELEGATION)),
            Map.entry(WithdrawAgreement.class, EnumSet.of(DELEGATION)),
            Map.entry(BreakSilence.class, EnumSet.of(DELEGATION)),
            Map.entry(AcceptAlternative.class, EnumSet.of(CHAIR, SECRETARIAT)),
            Map.entry(ProposeBridgingText.class, EnumSet.of(CHAIR)),
            Map.entry(SetParagraphStatus.class, EnumSet.of(CHAIR)),
            Map.entry(MoveParagraph.class, EnumSet.of(CHAIR)),
            Map.entry(AddFootnote.class, EnumSet.of(CHAIR, SECRETARIAT)),
            Map.entry(RemoveFootnote.class, EnumSet.of(CHAIR, SECRETARIAT)),
            Map.entry(RenumberParagraphs.class, EnumSet.of(SECRETARIAT)),
            Map.entry(IssueRevision.class, EnumSet.of(SECRETARIAT)),
            Map.entry(StartSilenceProcedure.class, EnumSet.of(SECRETARIAT)),
            Map.entry(FinaliseDraft.class, EnumSet.of(SECRETARIAT)),
            Map.entry(IssueCorrigendum.class, EnumSet.of(SECRETARIAT)),
            Map.entry(ReviseDraftFromText.class, EnumSet.of(CHAIR, SECRETARIAT)));

    static Set<Role> allowed(Class<? extends DraftCommand> command) {
        Set<Role> roles = MATRIX.get(command);
        if (roles == null) {
            throw new IllegalStateException(command.getSimpleName() + " is missing from the role matrix");
        }
        return roles;
    }

    /**
     * Refuses unless the actor's role may give this command and, for a delegation, it is admitted to the draft as a
     * party: a delegation admitted as an observer (DOMAIN.md: "read the current text") gives no command at all.
     */
    static void check(DraftCommand command, Document draft) {
        Role role = command.actor().role();
        if (!allowed(command.getClass()).contains(role)) {
            throw new Refusal.Forbidden("the " + role.name().toLowerCase() + " may not "
                    + describe(command.getClass()) + "; this is for " + allowed(command.getClass()));
        }
        if (role == DELEGATION && draft != null) {
            Optional<Participant> delegation = draft.participantByCode(command.actor().delegation());
            if (delegation.isEmpty()) {
                throw new Refusal.Forbidden("delegation " + command.actor().attribution()
                        + " has not been admitted to this draft");
            }
            if (delegation.get().observer()) {
                throw new Refusal.Forbidden("delegation " + command.actor().attribution() + " attends this draft as "
                        + "an observer: it reads the text and its record and follows the room, but holds no positions, "
                        + "agrees nothing and never breaks silence");
            }
        }
    }

    private static String describe(Class<?> command) {
        return command.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private Permissions() {
    }
}
