package plenary.drafting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of an event's payload; every event states it. It is stored with each event ({@code payloadRevision}),
 * except that the first shape is stored without one, as every event was before revisions existed. When a shape
 * changes, the revision goes up and an upcaster (module event-format) reads the older shape as the new one; the
 * stored events themselves never change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PayloadRevision {

    int value();
}
