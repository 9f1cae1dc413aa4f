package plenary.text;

import org.junit.jupiter.api.Test;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.drafting.Section.OPERATIVE;
import static plenary.drafting.Section.PREAMBLE;

class NumberingTest {

    /** A document with the given paragraphs, in order; each is "section:number", the id being "p" + position. */
    private static Document doc(String... paragraphs) {
        List<Paragraph> list = new ArrayList<>();
        for (int i = 0; i < paragraphs.length; i++) {
            String[] parts = paragraphs[i].split(":", -1);
            Section section = parts[0].equals("PP") ? PREAMBLE : OPERATIVE;
            String number = parts[1].isEmpty() ? null : parts[1];
            list.add(new Paragraph("p" + (i + 1), section, number, ParagraphStatus.PENDING,
                    List.of(new Inline.Text("text " + i))));
        }
        Header header = new Header("TEST/1", null, null, "Test", null, "Declaration");
        return Document.empty("d1", header).withVersion(1).withParagraphs(list);
    }

    @Test
    void theFirstOperativeParagraphIsOne() {
        assertThat(Numbering.forNewParagraph(doc(), OPERATIVE, null)).isEqualTo("1");
    }

    @Test
    void appendingTakesTheNextNumber() {
        assertThat(Numbering.forNewParagraph(doc("OP:1", "OP:2"), OPERATIVE, null)).isEqualTo("3");
    }

    @Test
    void insertingAfterTheLastParagraphTakesTheNextNumber() {
        assertThat(Numbering.forNewParagraph(doc("OP:1", "OP:2"), OPERATIVE, "p2")).isEqualTo("3");
    }

    @Test
    void appendingAfterABisParagraphTakesTheNextWholeNumber() {
        assertThat(Numbering.forNewParagraph(doc("OP:1", "OP:2", "OP:2bis"), OPERATIVE, null)).isEqualTo("3");
    }

    @Test
    void operativeNumbersIgnoreThePreamble() {
        Document doc = doc("PP:i", "PP:ii", "PP:iii", "PP:iv", "OP:1");
        assertThat(Numbering.forNewParagraph(doc, OPERATIVE, null)).isEqualTo("2");
    }

    @Test
    void aRomanNumberedPreambleContinuesInRomanNumerals() {
        Document doc = doc("PP:i", "PP:ii", "PP:iii", "PP:iv", "PP:v", "PP:vi", "PP:vii", "PP:viii", "PP:ix", "PP:x",
                "PP:xi", "OP:1", "OP:2");
        assertThat(Numbering.forNewParagraph(doc, PREAMBLE, null)).isEqualTo("xii");
    }

    @Test
    void anUnnumberedPreambleStaysUnnumbered() {
        assertThat(Numbering.forNewParagraph(doc("PP:", "PP:", "OP:1"), PREAMBLE, null)).isNull();
        assertThat(Numbering.forNewParagraph(doc("PP:", "PP:", "OP:1"), PREAMBLE, "p1")).isNull();
    }

    @Test
    void insertingBetweenTwoParagraphsGivesBis() {
        assertThat(Numbering.forNewParagraph(doc("OP:1", "OP:2", "OP:3", "OP:4"), OPERATIVE, "p3")).isEqualTo("3bis");
    }

    @Test
    void insertingWhereBisIsTakenGivesTer() {
        Document doc = doc("OP:1", "OP:2", "OP:3", "OP:3bis", "OP:4");
        assertThat(Numbering.forNewParagraph(doc, OPERATIVE, "p3")).isEqualTo("3ter");
    }

    @Test
    void insertingAfterABisParagraphGivesTer() {
        Document doc = doc("OP:1", "OP:2", "OP:3", "OP:3bis", "OP:4");
        assertThat(Numbering.forNewParagraph(doc, OPERATIVE, "p4")).isEqualTo("3ter");
    }

    @Test
    void insertingBetweenRomanPreambularParagraphsGivesBis() {
        Document doc = doc("PP:i", "PP:ii", "PP:iii", "PP:iv", "PP:v", "OP:1");
        assertThat(Numbering.forNewParagraph(doc, PREAMBLE, "p4")).isEqualTo("iv bis");
    }
}
