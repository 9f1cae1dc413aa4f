package plenary.query.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import plenary.identity.Actor;
import plenary.query.live.LiveChannel;
import plenary.text.Document;
import plenary.text.Paragraph;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a live client receives for one event, and what {@code /events?after=N} answers for it too: enough to
 * update a client's copy without fetching the draft again. That is the event, every paragraph it changed,
 * rendered, and the paragraph ids in document order when the order changed (null otherwise), so that a client
 * can place a new paragraph and drop a removed one without knowing each kind of event.
 */
public record LiveChange(String draftId, long version, String type, Actor actor, Instant timestamp,
                         JsonNode payload, String status, List<DraftView.ParagraphView> paragraphs,
                         List<String> order)
        implements LiveChannel.Change {

    static LiveChange of(String draftId, DraftTable.RecordedEvent event) {
        return new LiveChange(draftId, event.version(), event.type(), event.actor(), event.timestamp(),
                event.payload(), event.status(), event.paragraphs(), event.order());
    }

    /** The paragraphs of {@code after} that are new or differ from {@code before}, rendered. */
    static List<DraftView.ParagraphView> changedParagraphs(Document before, Document after) {
        Map<String, Paragraph> old = before == null ? Map.of()
                : before.paragraphs().stream().collect(Collectors.toMap(Paragraph::id, Function.identity()));
        return after.paragraphs().stream()
                .filter(p -> !p.equals(old.get(p.id())))
                .map(p -> DraftView.paragraph(after, p))
                .toList();
    }

    /** The paragraph ids in document order if the event inserted, removed or moved one; null if not. */
    static List<String> order(Document before, Document after) {
        List<String> ids = after.paragraphs().stream().map(Paragraph::id).toList();
        boolean same = before != null && ids.equals(before.paragraphs().stream().map(Paragraph::id).toList());
        return same ? null : ids;
    }
}
