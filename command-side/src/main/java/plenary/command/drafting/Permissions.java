package plenary.command.drafting;

import plenary.drafting.AcceptAlternative;
import plenary.drafting.AddFootnote;
import plenary.drafting.AdmitDelegation;
import plenary.drafting.AgreeParagraph;
import plenary.drafting.BracketText;
import plenary.drafting.BreakSilence;
import plenary.drafting.ChangeParticipation;
import plenary.drafting.CreateDraft;
import plenary.drafting.DraftCommand;
import plenary.drafting.FinaliseDraft;
import plenary.drafting.ImportDraft;
import plenary.drafting.IssueCorrigendum;
import plenary.drafting.IssueRevision;
import plenary.drafting.MoveParagraph;
import plenary.drafting.ObjectToAlternative;
import plenary.drafting.ProposeAlternative;
import plenary.drafting.ProposeBridgingText;
import plenary.drafting.ProposeDeletion;
import plenary.drafting.ProposeOption;
import plenary.drafting.ProposeParagraph;
import plenary.drafting.RemoveFootnote;
import plenary.drafting.RenumberParagraphs;
import plenary.drafting.ReviseDraftFromText;
import plenary.drafting.SetParagraphStatus;
import plenary.drafting.StartSilenceProcedure;
import plenary.drafting.SupportAlternative;
import plenary.drafting.WithdrawAgreement;
import plenary.drafting.WithdrawAlternative;
import plenary.drafting.WithdrawBracket;
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
