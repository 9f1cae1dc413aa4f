package plenary.eventformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.catalogue.Events;

/**
 * TextBracketed revision 2 renamed {@code reason} to {@code rationale}: events stored in the first shape are read
 * in the second. The stored events never change, which keeps their hash chain intact.
 */
final class TextBracketedRationale extends SingleEventUpcaster {

    private static final String NAME = Events.name(TextBracketed.class).orElseThrow();
    private static final SimpleSerializedType FIRST = new SimpleSerializedType(NAME, null);
    private static final SimpleSerializedType SECOND = new SimpleSerializedType(NAME, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(FIRST);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(SECOND, JsonNode.class, payload -> {
            ObjectNode fields = (ObjectNode) payload;
            fields.set("rationale", fields.remove("reason"));
            return fields;
        });
    }
}
