package plenary.drafting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of an event's payload, stored with every event of that type ({@code payloadRevision}). An event type
 * without it is at its first shape. When a shape changes, the revision goes up and each side registers an
 * upcaster that reads the older shape as the new one; the stored events themselves never change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PayloadRevision {

    String value();
}
