package plenary.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The clean view a chair reads: the text as if every bracket's first alternative were accepted. An option
 * paragraph keeps its first option (without the label), "alt" paragraphs give way to the paragraph they are an
 * alternative to, editorial notes go, and footnotes referred to only from discarded text go with it.
 * Placeholders stay as they are: they mark text that does not exist yet. Every export applies it the same way.
 */
public final class CleanText {

    public static Document of(Document doc) {
        List<Paragraph> kept = new ArrayList<>();
        boolean inOptions = false;
        for (Paragraph p : doc.paragraphs()) {
            boolean option = Conventions.optionLabel(p.content());
            boolean discarded = Conventions.alternativeNumber(p.number()) || (option && inOptions);
            inOptions = option || (inOptions && discarded);
            if (discarded) {
                continue;
            }
            List<Inline> content = tidy(clean(option ? p.content().subList(1, p.content().size()) : p.content()));
            if (!content.isEmpty() || p.heading()) {
                kept.add(p.withContent(content));
            }
        }
        List<Inline> chapeau = tidy(clean(doc.chapeau()));
        Set<String> referred = new HashSet<>();
        kept.forEach(p -> references(p.content(), referred));
        references(chapeau, referred);
        List<Footnote> footnotes = doc.footnotes().stream().filter(f -> referred.contains(f.label()))
                .map(f -> new Footnote(f.label(), tidy(clean(f.content())), f.style(), f.after(), f.ruled()))
                .toList();
        return doc.withParagraphs(kept).withChapeau(chapeau).withFootnotes(footnotes);
    }

    private static List<Inline> clean(List<Inline> content) {
        List<Inline> out = new ArrayList<>();
        for (Inline node : content) {
            if (node instanceof Inline.Bracket b && !Conventions.placeholder(b)) {
                out.addAll(clean(b.alternatives().get(0).content()));
            } else if (node instanceof Inline.Emphasis e && !Conventions.editorialNote(e)) {
                out.add(new Inline.Emphasis(clean(e.content())));
            } else if (node instanceof Inline.Strong s) {
                out.add(new Inline.Strong(clean(s.content())));
            } else if (!(node instanceof Inline.Emphasis)) {
                out.add(node);
            }
        }
        return Brackets.normalise(out);
    }

    /** What removing words leaves behind: doubled spaces, a space before punctuation, spaces at the ends. */
    private static List<Inline> tidy(List<Inline> content) {
        List<Inline> out = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i) instanceof Inline.Text t) {
                String text = t.text().replaceAll("\\s{2,}", " ").replaceAll(" ([,;.:])", "$1");
                text = i == 0 ? text.stripLeading() : text;
                text = i == content.size() - 1 ? text.stripTrailing() : text;
                out.add(new Inline.Text(text));
            } else {
                out.add(content.get(i));
            }
        }
        List<Inline> normal = Brackets.normalise(out);
        return normal.stream().allMatch(n -> n instanceof Inline.Text t && t.text().isBlank()) ? List.of() : normal;
    }

    private static void references(List<Inline> content, Set<String> labels) {
        for (Inline node : content) {
            if (node instanceof Inline.FootnoteRef f) {
                labels.add(f.label());
            } else if (node instanceof Inline.Emphasis e) {
                references(e.content(), labels);
            } else if (node instanceof Inline.Strong s) {
                references(s.content(), labels);
            } else if (node instanceof Inline.Bracket b) {
                b.alternatives().forEach(a -> references(a.content(), labels));
            }
        }
    }

    private CleanText() {
    }
}
