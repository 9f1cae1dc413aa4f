package plenary.drafting.paragraphs;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.Section;
import plenary.drafting.Wording;
import plenary.identity.Actor;

import java.util.List;

@PayloadRevision(1)
public record ParagraphProposed(String draftId, String paragraphId, Section section, String after, String number,
                                List<Wording> content, Actor actor) implements DraftEvent {
    public ParagraphProposed {
        content = List.copyOf(content);
    }
}
