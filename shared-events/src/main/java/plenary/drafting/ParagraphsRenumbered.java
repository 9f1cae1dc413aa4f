package plenary.drafting;

import plenary.identity.Actor;

/** Final numbering applied: paragraph id to its new number. */
public record ParagraphsRenumbered(String draftId, java.util.Map<String, String> numbers, Actor actor)
        implements DraftEvent {
}
