package plenary.text;

import plenary.drafting.procedure.CorrigendumIssued;
import plenary.drafting.procedure.SilenceBroken;
import plenary.drafting.procedure.SilenceProcedureConcluded;
import plenary.drafting.procedure.SilenceProcedureStarted;
import plenary.drafting.procedure.SilenceSubject;

import java.util.ArrayList;
import java.util.List;

/** How the draft's procedure changes: revisions, silence procedures, finalisation and corrigenda. */
final class ProcedureEdits {

    /** A revision stands for the version its own event makes, which gives the symbol its suffix. */
    static Document revision(Document doc, String label) {
        List<Revision> revisions = new ArrayList<>(doc.revisions());
        revisions.add(new Revision(label, doc.version() + 1));
        return doc.withHeader(doc.header().withIssue(label)).withRevisions(revisions);
    }

    static Document startSilence(Document doc, SilenceProcedureStarted e) {
        return doc.withSilenceProcedure(new SilenceProcedure(e.procedureId(), e.deadline(), e.subject(),
                SilenceProcedure.State.RUNNING, null, null));
    }

    static Document breakSilence(Document doc, SilenceBroken e) {
        SilenceProcedure p = doc.silenceProcedure();
        return doc.withSilenceProcedure(new SilenceProcedure(p.id(), p.deadline(), p.subject(),
                SilenceProcedure.State.BROKEN, e.actor().attribution(), e.reason()));
    }

    /** Silence kept: the subject is adopted. For participation, every pending participant is confirmed. */
    static Document concludeSilence(Document doc, SilenceProcedureConcluded e) {
        SilenceProcedure p = doc.silenceProcedure();
        Document concluded = doc.withSilenceProcedure(new SilenceProcedure(p.id(), p.deadline(), p.subject(),
                SilenceProcedure.State.CONCLUDED, null, null));
        return e.subject() == SilenceSubject.PARTICIPATION ? ParticipantEdits.confirmAllPending(concluded) : concluded;
    }

    static Document finalise(Document doc, String contentHash) {
        return asFinal(doc).withContentHash(contentHash);
    }

    /** A final text is issued under its own symbol, without the suffix of the revision it grew from. */
    static Document asFinal(Document doc) {
        return doc.withStatus(DraftStatus.FINAL).withHeader(doc.header().withStatusLine("Final").withIssue(null))
                .withContentHash(null);
    }

    /** The corrected text replaces the final one as a new, separately labelled version. */
    static Document corrigendum(Document doc, CorrigendumIssued e) {
        Document corrected = doc.withTextOf(EventText.document(e.document()));
        List<Revision> revisions = new ArrayList<>(doc.revisions());
        revisions.add(new Revision(e.label(), doc.version() + 1));
        return corrected.withStatus(DraftStatus.FINAL)
                .withHeader(corrected.header().withStatusLine("Final").withIssue(e.label()))
                .withContentHash(e.contentHash()).withRevisions(revisions);
    }

    private ProcedureEdits() {
    }
}
