package plenary.drafting;

import plenary.identity.Actor;

/** A drafting action asked of one draft, by the authenticated actor. */
public interface DraftCommand {
    String draftId();

    Actor actor();
}
