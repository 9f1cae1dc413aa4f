package plenary.drafting;

import plenary.identity.Actor;

/** The chair records where a paragraph stands: a reading, agreed, reopened. */
public record SetParagraphStatus(String draftId, String paragraphId, ParagraphStatus status, Actor actor)
        implements DraftCommand {
}
