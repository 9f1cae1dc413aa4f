package plenary.command.drafting;

import plenary.text.Document;
import plenary.text.Footnote;

/** Footnotes are numbered in the order they are added, after the highest number the text already has. */
final class Footnotes {

    static String nextLabel(Document document) {
        int highest = document.footnotes().stream().map(Footnote::label)
                .filter(l -> l.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0);
        return String.valueOf(highest + 1);
    }

    private Footnotes() {
    }
}
