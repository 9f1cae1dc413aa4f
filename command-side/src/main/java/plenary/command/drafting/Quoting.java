package plenary.command.drafting;

import plenary.text.Document;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.PlainText;
import plenary.text.QuoteProblem;
import plenary.text.Quotes;
import plenary.text.markdown.MarkdownRenderer;

import java.util.Map;

/** Checks a quote against the paragraph before anything is applied, answering with the paragraph as it stands. */
final class Quoting {

    static void check(Document document, Paragraph paragraph, String quote, int occurrence) {
        try {
            new Quotes(new PlainText(document.participants()))
                    .wrap(paragraph.content(), quote, occurrence, words -> new Inline.Text(""));
        } catch (QuoteProblem problem) {
            throw new Refusal.Conflict(problem.getMessage(), Map.of("paragraph", Map.of(
                    "paragraphId", paragraph.id(),
                    "text", MarkdownRenderer.inline(document, paragraph.content()),
                    "plainText", new PlainText(document.participants()).of(paragraph.content()))));
        }
    }

    private Quoting() {
    }
}
