package plenary.query.export;

import plenary.text.Document;
import plenary.text.Inline;
import plenary.text.Paragraph;

import java.util.List;

/**
 * The script a text is written in, told by its first letters, since a draft does not record its language: it
 * decides the direction of the page, and the language the exports declare. Arabic script is taken as Persian
 * when it has the letters only Persian uses among the region's languages.
 */
enum Script {
    LATIN("en", "eng"), CYRILLIC("ru", "rus"), ARABIC("ar", "ara"), PERSIAN("fa", "fas"), OTHER(null, "und");

    /** Enough letters to tell, and few enough that a long text is not read twice. */
    private static final int SAMPLE = 2000;

    private final String language;
    private final String iso6392;

    Script(String language, String iso6392) {
        this.language = language;
        this.iso6392 = iso6392;
    }

    /** The BCP 47 language of the HTML page, or null when the script does not say. */
    String language() {
        return language;
    }

    /** The ISO 639-2 code Akoma Ntoso names the expression's language with. */
    String iso6392() {
        return iso6392;
    }

    boolean rightToLeft() {
        return this == ARABIC || this == PERSIAN;
    }

    static Script of(Document doc) {
        StringBuilder sample = new StringBuilder();
        if (doc.header().title() != null) {
            sample.append(doc.header().title()).append(' ');
        }
        for (Paragraph p : doc.paragraphs()) {
            if (sample.length() >= SAMPLE) {
                break;
            }
            text(p.content(), sample);
        }
        return of(sample);
    }

    static Script of(CharSequence text) {
        int latin = 0;
        int cyrillic = 0;
        int arabic = 0;
        boolean persian = false;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            switch (Character.UnicodeScript.of(c)) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case ARABIC -> {
                    arabic++;
                    persian |= "پچژگ".indexOf(c) >= 0;
                }
                default -> { }
            }
        }
        int most = Math.max(latin, Math.max(cyrillic, arabic));
        if (most == 0) {
            return OTHER;
        }
        if (most == arabic) {
            return persian ? PERSIAN : ARABIC;
        }
        return most == cyrillic ? CYRILLIC : LATIN;
    }

    private static void text(List<Inline> content, StringBuilder sample) {
        for (Inline node : content) {
            if (node instanceof Inline.Text t) {
                sample.append(t.text());
            } else if (node instanceof Inline.Emphasis e) {
                text(e.content(), sample);
            } else if (node instanceof Inline.Strong s) {
                text(s.content(), sample);
            } else if (node instanceof Inline.Bracket b && !b.alternatives().isEmpty()) {
                text(b.alternatives().get(0).content(), sample);
            }
        }
    }
}
