package plenary.drafting.footnotes;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Adds a footnote after the quoted words, or at the end of the paragraph. */
public record AddFootnote(String draftId, String paragraphId, String quote, String text, Actor actor)
        implements DraftCommand {
}
