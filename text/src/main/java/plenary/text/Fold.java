package plenary.text;

import plenary.drafting.DraftEvent;
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

import java.util.List;

/**
 * The single definition of what a draft says: applies one event to a document and returns the next one.
 * Pure and deterministic. The aggregate folds with it to check its rules; every projection folds with it to
 * render. An event that the fold cannot apply was never valid, so it fails loudly rather than guessing.
 * Each kind of change lives with its feature: {@link BracketEdits}, {@link ParagraphEdits},
 * {@link ParticipantEdits} and {@link ProcedureEdits}.
 */
public final class Fold {

    public static Document replay(Iterable<? extends DraftEvent> events) {
        Document doc = null;
        for (DraftEvent event : events) {
            doc = apply(doc, event);
        }
        return doc;
    }

    public static Document apply(Document doc, DraftEvent event) {
        if (event instanceof DraftCreated e) {
            return Document.empty(e.draftId(), new Header(e.reference(), e.date(), null, e.title(), e.venue(), e.kind()))
                    .withVersion(1);
        }
        if (event instanceof DraftImported e) {
            return EventText.document(e.document()).withDraftId(e.draftId()).withVersion(1);
        }
        if (doc == null) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " before the draft exists");
        }
        Document next = change(doc, event);
        return next.withVersion(doc.version() + 1);
    }

    private static Document change(Document doc, DraftEvent event) {
        // who takes part
        if (event instanceof DelegationAdmitted e) {
            return ParticipantEdits.admit(doc, e);
        }
        if (event instanceof ParticipationChanged e) {
            return ParticipantEdits.change(doc, e.participantId(), e.participation());
        }
        // drafting: each of these puts a zero draft under negotiation
        if (event instanceof ParagraphProposed e) {
            return negotiated(ParagraphEdits.propose(doc, e));
        }
        if (event instanceof TextBracketed e) {
            return negotiated(BracketEdits.bracket(doc, e));
        }
        if (event instanceof AlternativeProposed e) {
            return negotiated(BracketEdits.propose(doc, e.bracketId(),
                    new Inline.Alternative(e.alternativeId(), e.actor().attribution(), EventText.inline(e.content()))));
        }
        if (event instanceof AlternativeAccepted e) {
            return negotiated(BracketEdits.accept(doc, e.bracketId(), e.alternativeId()));
        }
        if (event instanceof AlternativeSupported e) {
            return BracketEdits.position(doc, e.bracketId(), e.alternativeId(), e.actor().attribution(), true);
        }
        if (event instanceof AlternativeObjected e) {
            return BracketEdits.position(doc, e.bracketId(), e.alternativeId(), e.actor().attribution(), false);
        }
        if (event instanceof AlternativeWithdrawn e) {
            return negotiated(BracketEdits.withdrawAlternative(doc, e.bracketId(), e.alternativeId()));
        }
        if (event instanceof BracketWithdrawn e) {
            return negotiated(BracketEdits.withdraw(doc, e.bracketId()));
        }
        if (event instanceof OptionsOpened e) {
            return negotiated(BracketEdits.openOptions(doc, e));
        }
        if (event instanceof BridgingTextProposed e) {
            return negotiated(BracketEdits.bridge(doc, e));
        }
        if (event instanceof DeletionProposed e) {
            return negotiated(BracketEdits.proposeDeletion(doc, e));
        }
        if (event instanceof ParagraphMoved e) {
            return negotiated(ParagraphEdits.move(doc, e.paragraphId(), e.after()));
        }
        if (event instanceof ParagraphsRenumbered e) {
            return ParagraphEdits.renumber(doc, e.numbers());
        }
        if (event instanceof ParagraphStatusSet e) {
            return ParagraphEdits.status(doc, e.paragraphId(), e.status());
        }
        if (event instanceof ParagraphAgreed e) {
            return ParagraphEdits.agree(doc, e.paragraphId(), e.actor().delegation(), e.adReferendum());
        }
        if (event instanceof AgreementWithdrawn e) {
            return ParagraphEdits.withdrawAgreement(doc, e.paragraphId(), e.actor().delegation());
        }
        if (event instanceof FootnoteAdded e) {
            return ParagraphEdits.addFootnote(doc, e);
        }
        if (event instanceof FootnoteRemoved e) {
            return ParagraphEdits.removeFootnote(doc, e.label());
        }
        // the record: revisions, procedures, finalisation
        if (event instanceof RevisionIssued e) {
            return ProcedureEdits.revision(doc, e.label());
        }
        if (event instanceof SilenceProcedureStarted e) {
            return ProcedureEdits.startSilence(doc, e);
        }
        if (event instanceof SilenceBroken e) {
            return ProcedureEdits.breakSilence(doc, e);
        }
        if (event instanceof SilenceProcedureConcluded e) {
            return ProcedureEdits.concludeSilence(doc, e);
        }
        // ---- a revision from a chair's new text (issue 6): the differences, in one event
        if (event instanceof DraftRevisedFromText e) {
            return TextRevision.apply(negotiated(doc), e);
        }
        // ----
        if (event instanceof DraftFinalised e) {
            return ProcedureEdits.finalise(doc, e.contentHash());
        }
        if (event instanceof CorrigendumIssued e) {
            return ProcedureEdits.corrigendum(doc, e);
        }
        throw new IllegalArgumentException("the fold does not know " + event.getClass().getName());
    }

    /** The document as finalising would leave it, before its hash is known: the hash is taken over this text. */
    public static Document asFinal(Document doc) {
        return ProcedureEdits.asFinal(doc);
    }

    /**
     * A drafting change: the zero draft is now under negotiation, and a status line the text was imported with
     * ("Final", say) no longer describes it.
     */
    private static Document negotiated(Document doc) {
        if (doc.status() != DraftStatus.ZERO_DRAFT) {
            return doc;
        }
        return doc.withStatus(DraftStatus.UNDER_NEGOTIATION).withHeader(doc.header().withStatusLine(null));
    }

    private Fold() {
    }
}
