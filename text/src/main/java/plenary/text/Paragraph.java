package plenary.text;

import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;

import java.util.List;

/**
 * A preambular or operative paragraph, a sub-paragraph or a heading. {@code number} is its label without
 * punctuation: "iv", "3bis", "3.3alt", "a", or null. {@code agreements} are the delegations that agreed it,
 * each possibly ad referendum. {@code layout} is null for an ordinary paragraph.
 */
public record Paragraph(String id, Section section, String number, ParagraphStatus status, List<Inline> content,
                        List<Agreement> agreements, Layout layout) {

    public record Agreement(String delegation, boolean adReferendum) {
    }

    public Paragraph {
        content = List.copyOf(content);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        status = status == null ? ParagraphStatus.PENDING : status;
    }

    public Paragraph(String id, Section section, String number, ParagraphStatus status, List<Inline> content) {
        this(id, section, number, status, content, List.of(), null);
    }

    public Paragraph(String id, Section section, String number, ParagraphStatus status, List<Inline> content,
                     Layout layout) {
        this(id, section, number, status, content, List.of(), layout);
    }

    public Paragraph withContent(List<Inline> newContent) {
        return new Paragraph(id, section, number, status, newContent, agreements, layout);
    }

    public Paragraph withStatus(ParagraphStatus newStatus) {
        return new Paragraph(id, section, number, newStatus, content, agreements, layout);
    }

    public Paragraph withNumber(String newNumber) {
        return new Paragraph(id, section, newNumber, status, content, agreements, layout);
    }

    public Paragraph withAgreements(List<Agreement> newAgreements) {
        return new Paragraph(id, section, number, status, content, newAgreements, layout);
    }

    /** A heading such as "Article 4" rather than a paragraph of text. */
    public boolean heading() {
        return layout != null && layout.heading() > 0;
    }

    /** 0 for a paragraph, 1 for a sub-paragraph (a), 2 for a sub-sub-paragraph (i) … */
    public int depth() {
        return layout == null ? 0 : layout.depth();
    }

    /** A numbered paragraph of the section itself: not a heading, not a sub-paragraph. */
    public boolean topLevel() {
        return !heading() && depth() == 0;
    }

    /**
     * How a paragraph stands in the text. {@code heading} is the Markdown heading level ({@code ## Article 4} is 2),
     * 0 for text; {@code depth} nests sub-paragraphs; {@code marker} is how the number is written (null: the
     * section's usual way, "1." or "(i)").
     */
    public record Layout(int heading, int depth, Marker marker) {
    }

    /** "1.", "(a)", "a)", or a bare "3.3" as in "3.3alt". */
    public enum Marker {
        DOT, PARENS, CLOSE_PAREN, BARE;

        public String write(String number) {
            return switch (this) {
                case DOT -> number + ".";
                case PARENS -> "(" + number + ")";
                case CLOSE_PAREN -> number + ")";
                case BARE -> number;
            };
        }
    }
}
