package plenary.query.history;

import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
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
import plenary.drafting.paragraphs.AgreementWithdrawn;
import plenary.drafting.paragraphs.ParagraphAgreed;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ParagraphStatusSet;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.participants.ParticipationChanged;
import plenary.drafting.procedure.CorrigendumIssued;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.RevisionIssued;
import plenary.drafting.procedure.SilenceBroken;
import plenary.drafting.procedure.SilenceProcedureConcluded;
import plenary.drafting.procedure.SilenceProcedureStarted;
import plenary.text.Document;
import plenary.text.EventText;
import plenary.text.Inline;
import plenary.text.PlainText;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One line per event, in the room's words: "KAZ bracketed 'manage borders' in PP (v)". */
final class Descriptions {

    private static final int QUOTE_LENGTH = 60;

    /** @param where the label of the paragraph the event touched, or null */
    static String of(DraftEvent event, Document before, Document after, String where) {
        String who = event.actor().attribution();
        String in = where == null ? "" : " in " + where;
        if (event instanceof DraftCreated e) {
            return who + " created " + quote(e.title()) + " (" + e.reference() + ")";
        }
        if (event instanceof DraftImported e) {
            return who + " imported " + quote(e.document().header().title()) + " with "
                    + e.document().paragraphs().size() + " paragraphs";
        }
        if (event instanceof DelegationAdmitted e) {
            return who + " admitted " + e.code().toUpperCase(Locale.ROOT) + " (" + e.name() + ")"
                    + (e.participation() == Participation.PENDING ? ", pending confirmation" : "");
        }
        if (event instanceof ParagraphProposed e) {
            return who + " proposed " + (where == null ? "a paragraph" : where) + ": "
                    + quote(words(after, EventText.inline(e.content())));
        }
        if (event instanceof TextBracketed e) {
            String offered = e.alternatives().isEmpty() ? "" : ", offering " + e.alternatives().stream()
                    .map(a -> alternative(after, EventText.alternative(a))).collect(Collectors.joining(" or "));
            String why = e.rationale() == null || e.rationale().isBlank() ? "" : ": " + e.rationale().strip();
            return who + " bracketed " + quote(e.quote()) + in + offered + why;
        }
        if (event instanceof AlternativeProposed e) {
            String original = bracketed(before, e.bracketId()).orElse("the bracket");
            return e.content().isEmpty()
                    ? who + " proposed deleting " + original + in
                    : who + " proposed " + quote(words(after, EventText.inline(e.content()))) + " for " + original + in;
        }
        if (event instanceof AlternativeAccepted e) {
            Optional<Inline.Alternative> accepted = before.locateBracket(e.bracketId())
                    .flatMap(at -> at.bracket().alternatives().stream()
                            .filter(a -> a.id().equals(e.alternativeId())).findFirst());
            boolean original = before.locateBracket(e.bracketId())
                    .map(at -> at.bracket().alternatives().get(0).id().equals(e.alternativeId())).orElse(false);
            String words = accepted.map(a -> alternative(before, a)).orElse(e.alternativeId());
            return who + " accepted " + words + (original ? " as it stood" : "") + in;
        }
        if (event instanceof DraftFinalised e) {
            return who + " finalised the text (SHA-256 " + e.contentHash().substring(0, 12) + "…)";
        }
        return negotiation(event, before, who, in);
    }

    /** The rest of the negotiation: positions, options, status, participation, the record. */
    private static String negotiation(DraftEvent event, Document before, String who, String in) {
        if (event instanceof AlternativeSupported e) {
            return who + " supported " + alternative(before, e.bracketId(), e.alternativeId()) + in;
        }
        if (event instanceof AlternativeObjected e) {
            return who + " objected to " + alternative(before, e.bracketId(), e.alternativeId()) + in;
        }
        if (event instanceof AlternativeWithdrawn e) {
            return who + " withdrew " + alternative(before, e.bracketId(), e.alternativeId()) + in;
        }
        if (event instanceof BracketWithdrawn e) {
            return who + " lifted the brackets around " + bracketed(before, e.bracketId()).orElse("the words") + in;
        }
        if (event instanceof OptionsOpened e) {
            return who + " proposed " + alternative(before, EventText.alternative(e.option())) + " as Option 2" + in;
        }
        if (event instanceof BridgingTextProposed e) {
            return who + " proposed bridging text " + alternative(before, EventText.alternative(e.bridging())) + " for "
                    + e.replaces().size() + " alternatives" + in;
        }
        if (event instanceof DeletionProposed) {
            return who + " proposed deleting" + (in.isEmpty() ? " a paragraph" : in.replaceFirst(" in", ""));
        }
        if (event instanceof ParagraphStatusSet e) {
            return who + " set" + in.replaceFirst(" in", "") + " to " + spaced(e.status().name().replace('_', ' '));
        }
        if (event instanceof ParagraphAgreed e) {
            return who + " agreed" + in.replaceFirst(" in", "") + (e.adReferendum() ? " ad referendum" : "");
        }
        if (event instanceof AgreementWithdrawn) {
            return who + " withdrew its agreement to" + in.replaceFirst(" in", "");
        }
        if (event instanceof ParticipationChanged e) {
            String name = before.participant(e.participantId()).map(p -> p.name()).orElse(e.participantId());
            return who + " marked the participation of " + name + " " + e.participation().name().toLowerCase(Locale.ROOT);
        }
        if (event instanceof RevisionIssued e) {
            return who + " issued " + e.label();
        }
        if (event instanceof SilenceProcedureStarted e) {
            return who + " started a silence procedure on the " + e.subject().name().toLowerCase(Locale.ROOT)
                    + " until " + e.deadline();
        }
        if (event instanceof SilenceBroken e) {
            return who + " broke silence: " + quote(e.reason());
        }
        if (event instanceof SilenceProcedureConcluded e) {
            return "Silence was kept: the " + e.subject().name().toLowerCase(Locale.ROOT) + " is adopted";
        }
        if (event instanceof CorrigendumIssued e) {
            return who + " issued " + e.label() + " (SHA-256 " + e.contentHash().substring(0, 12) + "…)";
        }
        return who + ": " + spaced(event.getClass().getSimpleName()) + in;
    }

    private static String alternative(Document doc, String bracketId, String alternativeId) {
        return doc.locateBracket(bracketId).flatMap(at -> at.bracket().alternative(alternativeId))
                .map(a -> alternative(doc, a)).orElse(alternativeId);
    }

    /** The words of a bracket as they stood when it was raised: its first alternative. */
    private static Optional<String> bracketed(Document doc, String bracketId) {
        return doc.locateBracket(bracketId).map(at -> quote(words(doc, at.bracket().alternatives().get(0).content())));
    }

    private static String alternative(Document doc, Inline.Alternative alternative) {
        return alternative.content().isEmpty() ? "deletion" : quote(words(doc, alternative.content()));
    }

    private static String words(Document doc, List<Inline> content) {
        return new PlainText(doc.participants()).of(content);
    }

    /** Compiled once: a rebuild quotes a text for most of its events. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String quote(String text) {
        String line = text == null ? "" : SPACES.matcher(text.strip()).replaceAll(" ");
        return "'" + (line.length() > QUOTE_LENGTH ? line.substring(0, QUOTE_LENGTH - 1) + "…" : line) + "'";
    }

    /** "ParagraphStatusSet" → "paragraph status set", for kinds of event this class does not know yet. */
    private static String spaced(String type) {
        return type.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    private Descriptions() {
    }
}
