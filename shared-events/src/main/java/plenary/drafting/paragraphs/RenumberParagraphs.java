package plenary.drafting.paragraphs;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Applies final numbering: bis, ter … give way to consecutive numbers. */
public record RenumberParagraphs(String draftId, Actor actor) implements DraftCommand {
}
