package plenary.text.markdown;

import org.junit.jupiter.api.Test;
import plenary.drafting.Section;
import plenary.text.Document;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.PlainText;
import plenary.text.Quotes;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Russian and Persian texts of the corpus: read with their parts (the header's kind in the text's language
 * included), and their words bracketed by quoting, the n-th occurrence where the words recur.
 */
class OtherScriptsQuotingTest {

    static Document read(String name) throws IOException {
        return MarkdownImporter.parse(RoundTripTest.resource(name), new IdAllocator(1), "Secretariat");
    }

    static String bracketed(Document doc, String number, String quote, int occurrence) {
        Paragraph p = doc.section(Section.OPERATIVE).stream().filter(x -> number.equals(x.number())).findFirst()
                .orElseThrow();
        List<Inline> content = new Quotes(new PlainText(doc.participants())).wrap(p.content(), quote, occurrence,
                words -> new Inline.Bracket("b99", "KAZ", List.of(new Inline.Alternative("a99", "KAZ", words))));
        return MarkdownRenderer.inline(doc, content);
    }

    @Test
    void aRussianTextIsReadWithItsPartsAndItsWordsAreBracketedByQuoting() throws IOException {
        Document doc = read("almaty-process-communique-russian.md");

        assertThat(doc.header().kind()).isEqualTo("Коммюнике");
        assertThat(doc.header().venue()).isEqualTo("12 ноября 2014 года, Алматы, Казахстан");
        assertThat(doc.section(Section.PREAMBLE)).extracting(Paragraph::number).startsWith("i", "ii", "iii", "iv");
        assertThat(doc.section(Section.OPERATIVE)).extracting(Paragraph::number).startsWith("1", "2", "a", "b", "3");
        assertThat(bracketed(doc, "3", "беженцев", 2)).isEqualTo("Защита беженцев и защита трудящихся-мигрантов "
                + "дополняют друг друга: защита [беженцев] требует [особого] внимания;");
        assertThat(bracketed(doc, "3", "защита беженцев требует [особого]", 1)).contains(
                "друг друга: [защита беженцев требует [особого]] внимания;");
    }

    @Test
    void aPersianTextIsReadWithItsPartsAndItsWordsAreBracketedByQuoting() throws IOException {
        Document doc = read("almaty-process-communique-persian.md");

        assertThat(doc.header().kind()).isEqualTo("بیانیه");
        assertThat(doc.section(Section.OPERATIVE)).extracting(Paragraph::number).startsWith("1", "2", "a", "b", "3");
        assertThat(bracketed(doc, "3", "حمایت از پناهندگان", 2)).isEqualTo("حمایت از پناهندگان و حمایت از "
                + "کارگران مهاجر مکمل یکدیگرند: [حمایت از پناهندگان] توجه [ویژه\u200Cای] می\u200Cطلبد؛");
        // a quote may hold the zero-width non-joiner that Persian words carry
        assertThat(bracketed(doc, "3", "می\u200Cطلبد", 1)).endsWith("[می\u200Cطلبد]؛");
    }
}
