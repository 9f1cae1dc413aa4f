package plenary.query.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import plenary.identity.Actor;
import plenary.query.live.LiveChannel;
import plenary.text.Document;

import java.time.Instant;
import java.util.List;

/**
 * What a live client receives for one event: enough to update its copy without fetching the draft again,
 * namely the event and every paragraph it changed, rendered.
 */
public record LiveChange(String draftId, long version, String type, Actor actor, Instant timestamp,
                         JsonNode payload, String status, List<DraftView.ParagraphView> paragraphs)
        implements LiveChannel.Change {

    static LiveChange of(Document before, Document after, DraftTable.RecordedEvent event) {
        List<DraftView.ParagraphView> changed = after.paragraphs().stream()
                .filter(p -> before == null || !before.paragraph(p.id()).map(p::equals).orElse(false))
                .map(p -> DraftView.paragraph(after, p))
                .toList();
        return new LiveChange(after.draftId(), event.version(), event.type(), event.actor(), event.timestamp(),
                event.payload(), after.status().name(), changed);
    }

}
