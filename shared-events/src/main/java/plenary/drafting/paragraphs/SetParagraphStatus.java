package plenary.drafting.paragraphs;

import plenary.drafting.DraftCommand;
import plenary.drafting.ParagraphStatus;
import plenary.identity.Actor;

/** The chair records where a paragraph stands: a reading, agreed, reopened. */
public record SetParagraphStatus(String draftId, String paragraphId, ParagraphStatus status, Actor actor)
        implements DraftCommand {
}
