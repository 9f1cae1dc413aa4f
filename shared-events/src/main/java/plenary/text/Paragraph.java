package plenary.text;

import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;

import java.util.List;

/** A preambular or operative paragraph. {@code number} is its label without punctuation: "iv", "3bis", or null. */
public record Paragraph(String id, Section section, String number, ParagraphStatus status, List<Inline> content) {

    public Paragraph {
        content = List.copyOf(content);
    }

    public Paragraph withContent(List<Inline> newContent) {
        return new Paragraph(id, section, number, status, newContent);
    }
}
