package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Inline;

import java.util.List;

public record ParagraphProposed(String draftId, String paragraphId, Section section, String after, String number,
                                List<Inline> content, Actor actor) implements DraftEvent {
    public ParagraphProposed {
        content = List.copyOf(content);
    }
}
