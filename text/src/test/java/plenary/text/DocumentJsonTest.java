package plenary.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import plenary.text.markdown.MarkdownImporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents travel inside events, which are kept forever: new fields are optional and old JSON still reads. */
class DocumentJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDocumentWithEveryConstructSurvivesJson() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/corpus/ashgabat-water-cooperation-decision-zero-draft.md")) {
            Document doc = MarkdownImporter.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    new IdAllocator(1), "Secretariat");
            assertThat(JSON.readValue(JSON.writeValueAsString(doc), Document.class)).isEqualTo(doc);
        }
    }

    @Test
    void aParagraphAndFootnoteRecordedBeforeLayoutsAndStylesStillRead() throws IOException {
        Paragraph p = JSON.readValue("""
                {"id":"p1.2","section":"OPERATIVE","number":"1","status":"PENDING",
                 "content":[{"node":"text","text":"Develop"},{"node":"footnoteRef","label":"1"}]}""", Paragraph.class);
        Footnote f = JSON.readValue("""
                {"label":"1","content":[{"node":"text","text":"A note."}]}""", Footnote.class);

        assertThat(p.layout()).isNull();
        assertThat(p.topLevel()).isTrue();
        assertThat(p.content().get(1)).isEqualTo(new Inline.FootnoteRef("1"));
        assertThat(f.style()).isNull();
        assertThat(f.ruled()).isNull();
    }
}
