package plenary.text;

import plenary.drafting.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A draft as it stands after some number of its events ({@code version}). Immutable: the {@link Fold}
 * returns a new document for every event. {@code footnotesAfter} keeps where the footnote block stood in the
 * text (the seed prints it after PP (vii)); null puts it at the end.
 */
public record Document(String draftId, long version, DraftStatus status, Header header,
                       List<Participant> participants, List<Paragraph> paragraphs, List<Inline> chapeau,
                       List<Footnote> footnotes, String footnotesAfter, String contentHash,
                       List<Revision> revisions, SilenceProcedure silenceProcedure) {

    public Document {
        participants = List.copyOf(participants);
        paragraphs = Paragraphs.of(paragraphs);
        chapeau = List.copyOf(chapeau);
        footnotes = List.copyOf(footnotes);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** A draft just begun: version 0, a zero draft, nothing in it yet. */
    public static Document empty(String draftId, Header header) {
        return new Document(draftId, 0, DraftStatus.ZERO_DRAFT, header, List.of(), List.of(), List.of(), List.of(),
                null, null, List.of(), null);
    }

    /** A parsed text, not yet any draft's: a zero draft at version 0 with this content and nothing on record. */
    public static Document text(Header header, List<Participant> participants, List<Paragraph> paragraphs,
                                List<Inline> chapeau, List<Footnote> footnotes, String footnotesAfter) {
        return new Document(null, 0, DraftStatus.ZERO_DRAFT, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, null, List.of(), null);
    }

    public Optional<Revision> revision(String label) {
        return revisions.stream().filter(r -> r.label().equals(label)).findFirst();
    }

    public boolean silenceRunning() {
        return silenceProcedure != null && silenceProcedure.running();
    }

    public Optional<Paragraph> paragraph(String paragraphId) {
        return Optional.ofNullable(indexed().byId(paragraphId));
    }

    /** The paragraphs with their index: where each stands, and which holds each bracket. */
    public Paragraphs indexed() {
        return (Paragraphs) paragraphs;
    }

    public List<Paragraph> section(Section section) {
        return paragraphs.stream().filter(p -> p.section() == section).toList();
    }

    public Optional<Participant> participant(String participantId) {
        return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
    }

    public Optional<Participant> participantByCode(String code) {
        return participants.stream().filter(p -> code.equalsIgnoreCase(p.code())).findFirst();
    }

    public boolean finalised() {
        return status == DraftStatus.FINAL;
    }

    /** Where a bracket stands, searching nested brackets too: through the index, in the one paragraph holding it. */
    public Optional<Located> locateBracket(String bracketId) {
        Paragraph p = indexed().holding(bracketId);
        return p == null ? Optional.empty() : Brackets.find(p.content(), bracketId).map(b -> new Located(p, b));
    }

    /** Every bracket still open in the text, outermost first, in reading order. */
    public List<Located> openBrackets() {
        List<Located> open = new ArrayList<>();
        for (Paragraph p : paragraphs) {
            Brackets.all(p.content()).forEach(b -> open.add(new Located(p, b)));
        }
        return open;
    }

    public record Located(Paragraph paragraph, Inline.Bracket bracket) {
    }

    // One "with" per field: each changes that field and keeps every other, so no change can drop another's state.

    public Document withDraftId(String changed) {
        return new Document(changed, version, status, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withVersion(long changed) {
        return new Document(draftId, changed, status, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withStatus(DraftStatus changed) {
        return new Document(draftId, version, changed, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withHeader(Header changed) {
        return new Document(draftId, version, status, changed, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withParticipants(List<Participant> changed) {
        return new Document(draftId, version, status, header, changed, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withParagraphs(List<Paragraph> changed) {
        return new Document(draftId, version, status, header, participants, changed, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withChapeau(List<Inline> changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, changed, footnotes,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withFootnotes(List<Footnote> changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, chapeau, changed,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    public Document withFootnotesAfter(String changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, chapeau, footnotes,
                changed, contentHash, revisions, silenceProcedure);
    }

    public Document withContentHash(String changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, changed, revisions, silenceProcedure);
    }

    public Document withRevisions(List<Revision> changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, changed, silenceProcedure);
    }

    public Document withSilenceProcedure(SilenceProcedure changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, changed);
    }

    /** The text of {@code other} (header, participants, paragraphs, chapeau and footnotes) in this draft's record. */
    public Document withTextOf(Document other) {
        return withHeader(other.header).withParticipants(other.participants).withParagraphs(other.paragraphs)
                .withChapeau(other.chapeau).withFootnotes(other.footnotes).withFootnotesAfter(other.footnotesAfter);
    }
}
