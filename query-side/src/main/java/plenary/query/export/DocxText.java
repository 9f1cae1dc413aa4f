package plenary.query.export;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Conventions;
import plenary.text.Document;
import plenary.text.Footnote;
import plenary.text.Inline;
import plenary.text.InlineHtml;
import plenary.text.Paragraph;
import plenary.text.Participant;
import plenary.text.markdown.MarkdownRenderer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text as a Word document to circulate, made with Apache POI: real Word footnotes, italics and bold as in
 * the text, paragraph numbers as the text writes them ("3bis.", "(a)") with a hanging indent, brackets kept.
 */
@Component
class DocxText implements TextRenderer {

    private static final int INDENT = 567; // 1 cm in twentieths of a point
    private static final String FONT = "Times New Roman";

    @Override
    public String format() {
        return "docx";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Override
    public byte[] render(Document document, RenderOptions options) {
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Writer(document, options, word).write();
            if (options.checkpoint() != null) {
                // the record's signed checkpoint, as a document property (File > Info > Properties > Custom)
                word.getProperties().getCustomProperties().addProperty("PlenaryCheckpoint", options.checkpoint());
            }
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the Word document could not be written", e);
        }
    }

    private static final class Writer {
        private final Document doc;
        private final RenderOptions options;
        private final XWPFDocument word;
        /** Persian and Arabic read right to left: Word lays such paragraphs and runs out mirrored. */
        private final boolean rtl;
        /** The kept tags (InlineHtml) open where the next run goes: a Word run carries its own marks. */
        private final Set<InlineHtml.Mark> marks = EnumSet.noneOf(InlineHtml.Mark.class);

        Writer(Document doc, RenderOptions options, XWPFDocument word) {
            this.doc = doc;
            this.options = options;
            this.word = word;
            this.rtl = Script.of(doc).rightToLeft();
        }

        void write() {
            var h = doc.header();
            line(h.reference(), ParagraphAlignment.RIGHT, true, false, 14);
            line(h.statusLine(), ParagraphAlignment.RIGHT, false, false, 10);
            line(h.date(), ParagraphAlignment.RIGHT, false, false, 10);
            line(options.clean() ? "Clean view: every bracket's first alternative accepted" : null,
                    ParagraphAlignment.RIGHT, false, true, 10);
            if (h.title() != null) {
                XWPFParagraph title = paragraph(word.createParagraph());
                title.setSpacingBefore(240);
                title.setSpacingAfter(240);
                List<String> lines = h.title().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    XWPFRun run = run(title, lines.get(i));
                    run.setBold(true);
                    run.setFontSize(14);
                    if (i < lines.size() - 1) {
                        run.addBreak();
                    }
                }
            }
            line(h.venue(), ParagraphAlignment.LEFT, false, true, 12);
            line(h.kind(), ParagraphAlignment.LEFT, true, true, 12);
            doc.section(Section.PREAMBLE).forEach(this::paragraph);
            if (!doc.chapeau().isEmpty()) {
                inline(body(0, false), doc.chapeau(), false, false);
            }
            doc.section(Section.OPERATIVE).forEach(this::paragraph);
        }

        private void line(String text, ParagraphAlignment alignment, boolean bold, boolean italic, int size) {
            if (text == null) {
                return;
            }
            XWPFParagraph p = paragraph(word.createParagraph());
            p.setAlignment(alignment);
            p.setSpacingAfter(0);
            XWPFRun run = run(p, text);
            run.setBold(bold);
            run.setItalic(italic);
            run.setFontSize(size);
        }

        private void paragraph(Paragraph p) {
            if (p.heading()) {
                XWPFParagraph heading = paragraph(word.createParagraph());
                heading.setAlignment(ParagraphAlignment.CENTER);
                heading.setSpacingBefore(240);
                heading.setSpacingAfter(120);
                inline(heading, p.content(), false, true);
                return;
            }
            XWPFParagraph para = body(p.depth(), p.number() != null);
            if (p.number() != null) {
                run(para, MarkdownRenderer.number(p)).addTab();
            }
            inline(para, p.content(), false, false);
        }

        private XWPFParagraph body(int depth, boolean numbered) {
            XWPFParagraph para = paragraph(word.createParagraph());
            para.setAlignment(ParagraphAlignment.BOTH);
            para.setSpacingAfter(200);
            int left = INDENT * (2 * depth + (numbered ? 2 : 0));
            para.setIndentationLeft(left);
            if (numbered) {
                para.setIndentationHanging(2 * INDENT);
            }
            return para;
        }

        private void inline(XWPFParagraph para, List<Inline> content, boolean italic, boolean bold) {
            Map<Integer, InlineHtml.Tag> tags = InlineHtml.paired(content);
            for (int i = 0; i < content.size(); i++) {
                Inline node = content.get(i);
                if (node instanceof Inline.Text t) {
                    styled(para, t.text(), italic, bold);
                } else if (node instanceof Inline.Verbatim && tags.containsKey(i)) {
                    InlineHtml.Tag tag = tags.get(i);
                    if (tag.mark() == InlineHtml.Mark.LINE_BREAK) {
                        run(para, "").addBreak();
                    } else if (tag.closing()) {
                        marks.remove(tag.mark());
                    } else {
                        marks.add(tag.mark());
                    }
                } else if (node instanceof Inline.Verbatim v) {
                    styled(para, v.text(), italic, bold);
                } else if (node instanceof Inline.Escaped x) {
                    styled(para, x.character(), italic, bold);
                } else if (node instanceof Inline.Emphasis e) {
                    inline(para, e.content(), !italic || Conventions.editorialNote(e), bold);
                } else if (node instanceof Inline.Strong s) {
                    inline(para, s.content(), italic, true);
                } else if (node instanceof Inline.LineBreak) {
                    run(para, "").addBreak();
                } else if (node instanceof Inline.FootnoteRef ref) {
                    footnote(para, ref);
                } else if (node instanceof Inline.Bracket b) {
                    for (Inline.Alternative a : b.alternatives()) {
                        bracketed(para, "[", italic, bold);
                        inline(para, a.content(), italic, bold);
                        bracketed(para, "]", italic, bold);
                    }
                    if (options.holders() && !Holders.of(b).isEmpty()) {
                        XWPFRun who = run(para, " " + Holders.of(b));
                        who.setFontSize(9);
                    }
                } else if (node instanceof Inline.ParticipantRef ref) {
                    Participant p = doc.participant(ref.participantId()).orElseThrow();
                    boolean pending = p.participation() == Participation.PENDING;
                    styled(para, pending ? "[" + p.name() + "]" : p.name(), italic, bold);
                }
            }
        }

        /** A real Word footnote: the reference mark in the text and the note at the foot of the page. */
        private void footnote(XWPFParagraph para, Inline.FootnoteRef ref) {
            Footnote note = doc.footnotes().stream().filter(f -> f.label().equals(ref.label())).findFirst().orElse(null);
            if (note == null) {
                run(para, ref.label()).setVerticalAlignment("superscript");
                return;
            }
            XWPFFootnote footnote = word.createFootnote();
            para.addFootnoteReference(footnote);
            XWPFParagraph text = paragraph(footnote.createParagraph());
            footnote.ensureFootnoteRef(text);
            run(text, " ");
            inline(text, note.content(), false, false);
            text.getRuns().forEach(r -> r.setFontSize(10));
        }

        private void bracketed(XWPFParagraph para, String bracket, boolean italic, boolean bold) {
            XWPFRun run = styled(para, bracket, italic, bold);
            if (options.highlightBrackets()) {
                run.setTextHighlightColor("yellow");
            }
        }

        private XWPFRun styled(XWPFParagraph para, String text, boolean italic, boolean bold) {
            XWPFRun run = run(para, text);
            run.setItalic(italic);
            run.setBold(bold);
            if (marks.contains(InlineHtml.Mark.SUPERSCRIPT) || marks.contains(InlineHtml.Mark.SUBSCRIPT)) {
                run.setVerticalAlignment(marks.contains(InlineHtml.Mark.SUPERSCRIPT) ? "superscript" : "subscript");
            }
            if (marks.contains(InlineHtml.Mark.UNDERLINE)) {
                run.setUnderline(UnderlinePatterns.SINGLE);
            }
            if (marks.contains(InlineHtml.Mark.SMALL_CAPS)) {
                run.setSmallCaps(true);
            }
            return run;
        }

        private XWPFParagraph paragraph(XWPFParagraph para) {
            if (rtl) {
                (para.getCTP().isSetPPr() ? para.getCTP().getPPr() : para.getCTP().addNewPPr()).addNewBidi();
            }
            return para;
        }

        private XWPFRun run(XWPFParagraph para, String text) {
            XWPFRun run = para.createRun();
            run.setFontFamily(FONT);
            if (rtl && Script.of(text).rightToLeft()) {
                (run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr()).addNewRtl();
            }
            run.setText(Printable.of(text));
            return run;
        }
    }
}
