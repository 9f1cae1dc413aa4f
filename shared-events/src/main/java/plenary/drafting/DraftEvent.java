package plenary.drafting;

import plenary.identity.Actor;

/**
 * Something that happened to a draft. The events of a draft, in order, are its record. Every event type is listed
 * in {@link plenary.drafting.catalogue.Events}, with the name it is published and stored under.
 */
public interface DraftEvent {
    String draftId();

    Actor actor();
}
