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
        paragraphs = List.copyOf(paragraphs);
        chapeau = List.copyOf(chapeau);
        footnotes = List.copyOf(footnotes);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    public Document(String draftId, long version, DraftStatus status, Header header,
                    List<Participant> participants, List<Paragraph> paragraphs, List<Inline> chapeau,
                    List<Footnote> footnotes, String footnotesAfter, String contentHash) {
        this(draftId, version, status, header, participants, paragraphs, chapeau, footnotes, footnotesAfter,
                contentHash, List.of(), null);
    }

    public static Document empty(String draftId, Header header) {
        return new Document(draftId, 0, DraftStatus.ZERO_DRAFT, header, List.of(), List.of(), List.of(),
                List.of(), null, null);
    }

    public Optional<Revision> revision(String label) {
        return revisions.stream().filter(r -> r.label().equals(label)).findFirst();
    }

    public boolean silenceRunning() {
        return silenceProcedure != null && silenceProcedure.running();
    }

    public Optional<Paragraph> paragraph(String paragraphId) {
        return paragraphs.stream().filter(p -> p.id().equals(paragraphId)).findFirst();
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

    /** Where a bracket stands, searching nested brackets too. */
    public Optional<Located> locateBracket(String bracketId) {
        for (Paragraph p : paragraphs) {
            Optional<Inline.Bracket> found = Brackets.find(p.content(), bracketId);
            if (found.isPresent()) {
                return Optional.of(new Located(p, found.get()));
            }
        }
        return Optional.empty();
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

    Document with(long newVersion, DraftStatus newStatus, Header newHeader, List<Participant> newParticipants,
                  List<Paragraph> newParagraphs, String newContentHash) {
        return new Document(draftId, newVersion, newStatus, newHeader, newParticipants, newParagraphs, chapeau,
                footnotes, footnotesAfter, newContentHash, revisions, silenceProcedure);
    }

    Document withParagraphs(List<Paragraph> changed) {
        return with(version, status, header, participants, changed, contentHash);
    }

    Document withParticipants(List<Participant> changed) {
        return with(version, status, header, changed, paragraphs, contentHash);
    }

    Document withHeader(Header changed) {
        return with(version, status, changed, participants, paragraphs, contentHash);
    }

    Document withFootnotes(List<Footnote> changed, List<Paragraph> changedParagraphs) {
        return new Document(draftId, version, status, header, participants, changedParagraphs, chapeau, changed,
                footnotesAfter, contentHash, revisions, silenceProcedure);
    }

    Document withRevisions(List<Revision> changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, changed, silenceProcedure);
    }

    Document withSilenceProcedure(SilenceProcedure changed) {
        return new Document(draftId, version, status, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, contentHash, revisions, changed);
    }
}
