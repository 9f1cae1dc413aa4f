package plenary.text;

import plenary.drafting.draft.DraftRevisedFromText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How a draft takes a revision from a chair's new text: the differences {@link DraftRevisedFromText} records. */
final class TextRevision {

    /** Applies a revision to {@code doc}: the text changes, the draft's record does not. */
    static Document apply(Document doc, DraftRevisedFromText e) {
        Map<String, Paragraph> byId = new HashMap<>();
        doc.paragraphs().forEach(p -> byId.put(p.id(), p));
        e.removed().forEach(byId::remove);
        e.paragraphs().stream().map(EventText::paragraph).forEach(p -> byId.put(p.id(), p));
        List<Paragraph> paragraphs = e.order().stream().map(id -> Objects.requireNonNull(byId.get(id),
                () -> "revision orders unknown paragraph " + id)).toList();
        List<Participant> participants = new ArrayList<>(doc.participants());
        e.participants().stream().map(EventText::participant).forEach(participants::add);
        // the new text's own parts; the draft's record (version, status, revisions, silence procedure) stays
        return doc.withHeader(EventText.header(e.header())).withParticipants(participants).withParagraphs(paragraphs)
                .withChapeau(EventText.inline(e.chapeau()))
                .withFootnotes(e.footnotes().stream().map(EventText::footnote).toList()).withFootnotesAfter(null);
    }

    private TextRevision() {
    }
}
