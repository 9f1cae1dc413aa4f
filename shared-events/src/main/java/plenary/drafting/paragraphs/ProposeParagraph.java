package plenary.drafting.paragraphs;

import plenary.drafting.DraftCommand;
import plenary.drafting.Section;
import plenary.identity.Actor;

/** Proposes a clause; {@code after} null appends it to the section. {@code text} is inline Markdown. */
public record ProposeParagraph(String draftId, Section section, String after, String text, Actor actor)
        implements DraftCommand {
}
