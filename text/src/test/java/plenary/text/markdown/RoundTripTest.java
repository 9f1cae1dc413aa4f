package plenary.text.markdown;

import org.junit.jupiter.api.Test;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Document;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Paragraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripTest {

    static String resource(String name) throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/corpus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static Document parse(String markdown) {
        return MarkdownImporter.parse(markdown, new IdAllocator(1), "Secretariat");
    }

    @Test
    void theSeedComesBackAsItWasWritten() throws IOException {
        String seed = resource("almaty-process-communique-2013.md");
        String exported = MarkdownRenderer.render(parse(seed));
        assertThat(normalise(exported)).isEqualTo(normalise(seed));
    }

    @Test
    void theSeedIsReadAsACommuniqueWithItsParts() throws IOException {
        Document doc = parse(resource("almaty-process-communique-2013.md"));

        assertThat(doc.header().reference()).isEqualTo("Almaty Process/03/01/2013");
        assertThat(doc.header().date()).isEqualTo("05/06/2013");
        assertThat(doc.header().statusLine()).isEqualTo("Final");
        assertThat(doc.header().title()).isEqualTo(
                "Ministerial Conference on Refugee Protection and International Migration:\nThe Almaty Process");
        assertThat(doc.header().venue()).isEqualTo("5 June 2013, Almaty, Kazakhstan");
        assertThat(doc.header().kind()).isEqualTo("Communiqué");
        assertThat(doc.section(Section.PREAMBLE)).extracting(Paragraph::number)
                .containsExactly("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi");
        assertThat(doc.section(Section.OPERATIVE)).extracting(Paragraph::number).containsExactly("1", "2");
        assertThat(MarkdownRenderer.inline(doc, doc.chapeau())).isEqualTo("*Have decided to:*");
        assertThat(doc.section(Section.PREAMBLE).get(1).content().get(0))
                .isEqualTo(new Inline.Emphasis(List.of(new Inline.Text("Expressing"))));
        assertThat(doc.footnotes()).hasSize(1);
        assertThat(doc.footnotes().get(0).after()).isEqualTo(doc.section(Section.PREAMBLE).get(6).id());
        assertThat(doc.participants()).extracting(p -> p.name() + ":" + p.participation()).containsExactly(
                "the Islamic Republic of Iran:" + Participation.PENDING,
                "the Islamic Republic of Pakistan:" + Participation.PENDING);
        assertThat(doc.openBrackets()).isEmpty();
    }

    @Test
    void nestedBracketsAlternativesOptionsAndBisNumbersSurvive() {
        String text = """
                Ref: TEST/1

                Date: 01/01/2025

                Draft

                **A Test Declaration**

                ***Declaration***

                (i) *Recalling* that Parties [shall][should] act,

                *Decide to:*

                1. [Parties aim [to achieve the global temperature goal], as soon as possible] by 2050;

                3bis. **Option 1:** [below 2 °C][below 1.5 °C][well below 2 °C]

                3ter. **Option 2:** No text
                """;
        Document doc = parse(text);

        assertThat(normalise(MarkdownRenderer.render(doc))).isEqualTo(normalise(text));
        assertThat(doc.section(Section.OPERATIVE)).extracting(Paragraph::number).containsExactly("1", "3bis", "3ter");
        Inline.Bracket outer = (Inline.Bracket) doc.section(Section.OPERATIVE).get(0).content().get(0);
        assertThat(outer.alternatives()).hasSize(1);
        assertThat(outer.alternatives().get(0).content()).hasAtLeastOneElementOfType(Inline.Bracket.class);
        Inline.Bracket options = (Inline.Bracket) doc.section(Section.OPERATIVE).get(1).content().get(2);
        assertThat(options.alternatives()).hasSize(3);
        assertThat(doc.openBrackets()).hasSize(4);
    }

    @Test
    void anUnclosedBracketIsKeptAsTheCharacterItIs() {
        Document doc = parse("1. Parties [shall act by 2030.\n");
        assertThat(doc.openBrackets()).isEmpty();
        assertThat(MarkdownRenderer.inline(doc, doc.paragraphs().get(0).content()))
                .isEqualTo("Parties [shall act by 2030.");
        assertThat(normalise(MarkdownRenderer.render(parse(MarkdownRenderer.render(doc)))))
                .isEqualTo(normalise(MarkdownRenderer.render(doc)));
    }
}
