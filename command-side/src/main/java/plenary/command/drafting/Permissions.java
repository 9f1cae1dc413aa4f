package plenary.command.drafting;

import plenary.drafting.AcceptAlternative;
import plenary.drafting.AdmitDelegation;
import plenary.drafting.BracketText;
import plenary.drafting.CreateDraft;
import plenary.drafting.DraftCommand;
import plenary.drafting.FinaliseDraft;
import plenary.drafting.ImportDraft;
import plenary.drafting.ProposeAlternative;
import plenary.drafting.ProposeParagraph;
import plenary.drafting.ReviseDraftFromText;
import plenary.identity.Role;
import plenary.text.Document;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static plenary.identity.Role.CHAIR;
import static plenary.identity.Role.DELEGATION;
import static plenary.identity.Role.SECRETARIAT;

/** Who may do what: the role matrix of DOMAIN.md and API.md, in one table. */
final class Permissions {

    private static final Map<Class<? extends DraftCommand>, Set<Role>> MATRIX = Map.of(
            CreateDraft.class, EnumSet.of(SECRETARIAT),
            ImportDraft.class, EnumSet.of(SECRETARIAT),
            AdmitDelegation.class, EnumSet.of(SECRETARIAT),
            ProposeParagraph.class, EnumSet.of(DELEGATION, CHAIR),
            BracketText.class, EnumSet.of(DELEGATION, CHAIR),
            ProposeAlternative.class, EnumSet.of(DELEGATION, CHAIR),
            AcceptAlternative.class, EnumSet.of(CHAIR, SECRETARIAT),
            FinaliseDraft.class, EnumSet.of(SECRETARIAT),
            ReviseDraftFromText.class, EnumSet.of(CHAIR, SECRETARIAT));

    static Set<Role> allowed(Class<? extends DraftCommand> command) {
        return MATRIX.get(command);
    }

    /** Refuses unless the actor's role may give this command and, for a delegation, it is admitted to the draft. */
    static void check(DraftCommand command, Document draft) {
        Role role = command.actor().role();
        if (!allowed(command.getClass()).contains(role)) {
            throw new Refusal.Forbidden("the " + role.name().toLowerCase() + " may not "
                    + describe(command.getClass()) + "; this is for " + allowed(command.getClass()));
        }
        if (role == DELEGATION && draft != null && draft.participantByCode(command.actor().delegation()).isEmpty()) {
            throw new Refusal.Forbidden("delegation " + command.actor().attribution()
                    + " has not been admitted to this draft");
        }
    }

    private static String describe(Class<?> command) {
        return command.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private Permissions() {
    }
}
