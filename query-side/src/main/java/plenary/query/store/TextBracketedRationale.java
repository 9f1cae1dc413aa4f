package plenary.query.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import plenary.drafting.TextBracketed;

/**
 * TextBracketed revision 2 renamed {@code reason} to {@code rationale}: events stored in the first shape are read
 * in the second, so every projection sees one shape. The command side registers the same upcaster for its own
 * reading; the stored events never change, which keeps their hash chain intact.
 */
@Component
class TextBracketedRationale extends SingleEventUpcaster {

    private static final SimpleSerializedType FIRST = new SimpleSerializedType(TextBracketed.class.getName(), null);
    private static final SimpleSerializedType SECOND = new SimpleSerializedType(TextBracketed.class.getName(), "2");

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
