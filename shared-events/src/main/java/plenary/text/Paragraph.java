package plenary.text;

import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;

import java.util.List;

/**
 * A preambular or operative paragraph. {@code number} is its label without punctuation: "iv", "3bis", or null.
 * {@code agreements} are the delegations that agreed it, each possibly ad referendum.
 */
public record Paragraph(String id, Section section, String number, ParagraphStatus status, List<Inline> content,
                        List<Agreement> agreements) {

    public record Agreement(String delegation, boolean adReferendum) {
    }

    public Paragraph {
        content = List.copyOf(content);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        status = status == null ? ParagraphStatus.PENDING : status;
    }

    public Paragraph(String id, Section section, String number, ParagraphStatus status, List<Inline> content) {
        this(id, section, number, status, content, List.of());
    }

    public Paragraph withContent(List<Inline> newContent) {
        return new Paragraph(id, section, number, status, newContent, agreements);
    }

    public Paragraph withStatus(ParagraphStatus newStatus) {
        return new Paragraph(id, section, number, newStatus, content, agreements);
    }

    public Paragraph withNumber(String newNumber) {
        return new Paragraph(id, section, newNumber, status, content, agreements);
    }

    public Paragraph withAgreements(List<Agreement> newAgreements) {
        return new Paragraph(id, section, number, status, content, newAgreements);
    }
}
