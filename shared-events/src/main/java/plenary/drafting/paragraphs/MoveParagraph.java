package plenary.drafting.paragraphs;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Moves a paragraph within its section; {@code after} null puts it first. */
public record MoveParagraph(String draftId, String paragraphId, String after, Actor actor) implements DraftCommand {
}
