package plenary.eventformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import plenary.drafting.catalogue.Events;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.procedure.CorrigendumIssued;

import java.util.List;
import java.util.Set;

/**
 * DraftImported and CorrigendumIssued revision 1 carried the text model's whole document, revision 2 only the
 * text: the document's own state (its draft, version, status, hash, revisions and silence procedure), which an
 * imported or corrected text never had, is dropped as older events are read.
 */
final class ImportedTextOnly extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(Events.name(DraftImported.class).orElseThrow(),
            Events.name(CorrigendumIssued.class).orElseThrow());
    private static final List<String> DOCUMENT_STATE =
            List.of("draftId", "version", "status", "contentHash", "revisions", "silenceProcedure");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPES.contains(event.getType().getName()) && event.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), "2"), JsonNode.class,
                payload -> {
                    ((ObjectNode) payload.get("document")).remove(DOCUMENT_STATE);
                    return payload;
                });
    }
}
