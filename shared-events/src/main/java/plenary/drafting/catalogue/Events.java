package plenary.drafting.catalogue;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeObjected;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.AlternativeSupported;
import plenary.drafting.brackets.AlternativeWithdrawn;
import plenary.drafting.brackets.BracketWithdrawn;
import plenary.drafting.brackets.BridgingTextProposed;
import plenary.drafting.brackets.DeletionProposed;
import plenary.drafting.brackets.OptionsOpened;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.draft.DraftRevisedFromText;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.footnotes.FootnoteRemoved;
import plenary.drafting.paragraphs.AgreementWithdrawn;
import plenary.drafting.paragraphs.ParagraphAgreed;
import plenary.drafting.paragraphs.ParagraphMoved;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ParagraphStatusSet;
import plenary.drafting.paragraphs.ParagraphsRenumbered;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.participants.ParticipationChanged;
import plenary.drafting.procedure.CorrigendumIssued;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.RevisionIssued;
import plenary.drafting.procedure.SilenceBroken;
import plenary.drafting.procedure.SilenceProcedureConcluded;
import plenary.drafting.procedure.SilenceProcedureStarted;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event a draft's record can hold, and the name each is published and stored under: "plenary.drafting."
 * followed by its kind, the simple name of its type (which API.md shows as an event's {@code type}). The name does
 * not follow the Java package, so moving an event between packages changes nothing stored; renaming its type
 * would, and needs an upcaster.
 */
public final class Events {

    private static final String PREFIX = "plenary.drafting.";

    private static final List<Class<? extends DraftEvent>> ALL = List.of(
            AgreementWithdrawn.class,
            AlternativeAccepted.class,
            AlternativeObjected.class,
            AlternativeProposed.class,
            AlternativeSupported.class,
            AlternativeWithdrawn.class,
            BracketWithdrawn.class,
            BridgingTextProposed.class,
            CorrigendumIssued.class,
            DelegationAdmitted.class,
            DeletionProposed.class,
            DraftCreated.class,
            DraftFinalised.class,
            DraftImported.class,
            DraftRevisedFromText.class,
            FootnoteAdded.class,
            FootnoteRemoved.class,
            OptionsOpened.class,
            ParagraphAgreed.class,
            ParagraphMoved.class,
            ParagraphProposed.class,
            ParagraphStatusSet.class,
            ParagraphsRenumbered.class,
            ParticipationChanged.class,
            RevisionIssued.class,
            SilenceBroken.class,
            SilenceProcedureConcluded.class,
            SilenceProcedureStarted.class,
            TextBracketed.class);

    private static final Map<String, Class<? extends DraftEvent>> BY_NAME = new HashMap<>();

    static {
        for (Class<? extends DraftEvent> type : ALL) {
            if (BY_NAME.put(PREFIX + type.getSimpleName(), type) != null) {
                throw new IllegalStateException("two events are published as " + type.getSimpleName());
            }
        }
    }

    public static List<Class<? extends DraftEvent>> all() {
        return ALL;
    }

    /** The name an event type is published and stored under; empty for a type that is no event. */
    public static Optional<String> name(Class<?> type) {
        return ALL.contains(type) ? Optional.of(PREFIX + type.getSimpleName()) : Optional.empty();
    }

    /**
     * The revision stored with a payload of this type: its {@link PayloadRevision}, but null for the first shape (as
     * every event was stored before revisions existed) and for whatever is no event.
     */
    public static String storedRevision(Class<?> type) {
        PayloadRevision revision = type.getAnnotation(PayloadRevision.class);
        return revision == null || revision.value() == 1 ? null : Integer.toString(revision.value());
    }

    /** The event type published under {@code name}, if it is one. */
    public static Optional<Class<? extends DraftEvent>> type(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The event type of a kind as API.md shows it ("TextBracketed"), if it is one. */
    public static Optional<Class<? extends DraftEvent>> ofKind(String kind) {
        return type(PREFIX + kind);
    }

    private Events() {
    }
}
