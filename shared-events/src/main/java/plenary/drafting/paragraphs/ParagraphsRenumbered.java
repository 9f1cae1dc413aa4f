package plenary.drafting.paragraphs;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** Final numbering applied: paragraph id to its new number. */
@PayloadRevision(1)
public record ParagraphsRenumbered(String draftId, java.util.Map<String, String> numbers, Actor actor)
        implements DraftEvent {
}
