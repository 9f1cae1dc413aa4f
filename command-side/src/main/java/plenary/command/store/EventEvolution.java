package plenary.command.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import plenary.drafting.PayloadRevision;
import plenary.drafting.TextBracketed;

/**
 * How events change shape without the record changing: each event is stored with its payload revision, and older
 * shapes are upcast as they are read. The messages in shared-events carry no Axon annotation, so the revision
 * comes from their own {@link PayloadRevision} rather than Axon's {@code @Revision}.
 */
@Configuration
class EventEvolution {

    /** The revision of a payload type, or null for one still at its first shape. */
    @Bean
    RevisionResolver revisionResolver() {
        return type -> {
            PayloadRevision revision = type.getAnnotation(PayloadRevision.class);
            return revision == null ? null : revision.value();
        };
    }

    @Bean
    EventUpcaster textBracketedRationale() {
        return new TextBracketedRationale();
    }

    /** TextBracketed revision 2 renamed {@code reason} to {@code rationale}. */
    static final class TextBracketedRationale extends SingleEventUpcaster {

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
}
