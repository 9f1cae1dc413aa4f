package plenary.drafting.paragraphs;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** A delegation's agreement to a paragraph, possibly ad referendum (pending its capital). */
public record AgreeParagraph(String draftId, String paragraphId, boolean adReferendum, Actor actor)
        implements DraftCommand {
}
