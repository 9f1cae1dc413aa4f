package plenary.query.export;

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

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text in Akoma Ntoso 3.0 (OASIS LegalDocML) for the archive: a {@code doc} with the FRBR identification,
 * a {@code preface} (symbol, date, status, title), a {@code preamble} of recitals closed by the chapeau as the
 * enacting formula, and a {@code mainBody} of articles, paragraphs and points. Footnotes are
 * {@code authorialNote}s where they are referred to. eIds follow the AKN naming convention
 * ({@code art_4__para_2__point_a}); an unnumbered element takes its position among its siblings.
 * Disputed text stays in its brackets, marked {@code <inline name="bracket">}.
 */
@Component
class AknText implements TextRenderer {

    static final String NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
    /** Plenary's namespace for what AKN leaves to the producer: the record's signed checkpoint. */
    static final String RECORD_NS = "urn:plenary:record";
    private static final Pattern ARTICLE = Pattern.compile("(?i)\\W*article\\s+([0-9A-Za-z]+)");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d.M.yyyy"));

    @Override
    public String format() {
        return "akn";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("application/akn+xml;charset=UTF-8");
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public byte[] render(Document document, RenderOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = Printable.xml(XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8"));
            new Writer(document, xml, options.checkpoint()).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Akoma Ntoso document could not be written", e);
        }
        return out.toByteArray();
    }

    /** "05/06/2013" → 2013-06-05; null when the text's date is not one we can read. */
    static String isoDate(String date) {
        if (date != null) {
            for (DateTimeFormatter f : DATES) {
                try {
                    return LocalDate.parse(date.strip(), f).toString();
                } catch (DateTimeParseException notThisFormat) {
                    // try the next way of writing a date
                }
            }
        }
        return null;
    }

    private static final class Writer {
        private final Document doc;
        private final XMLStreamWriter xml;
        private final String checkpoint;
        private final Set<String> eIds = new HashSet<>();
        private int notes;

        Writer(Document doc, XMLStreamWriter xml, String checkpoint) {
            this.doc = doc;
            this.xml = xml;
            this.checkpoint = checkpoint;
        }

        void write() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("akomaNtoso");
            xml.writeDefaultNamespace(NS);
            xml.writeStartElement("doc");
            xml.writeAttribute("name", name(doc.header().kind() == null ? "document" : doc.header().kind()));
            meta();
            preface();
            preamble();
            mainBody();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void meta() throws XMLStreamException {
            var h = doc.header();
            String date = isoDate(h.date());
            String work = "/akn/un/doc/" + name(h.kind() == null ? "document" : h.kind()) + "/"
                    + (date == null ? "undated" : date) + "/" + name(h.reference() == null ? doc.draftId() : h.reference());
            String language = Script.of(doc).iso6392();
            String expression = work + "/" + language + "@v" + doc.version();
            xml.writeStartElement("meta");
            xml.writeStartElement("identification");
            xml.writeAttribute("source", "#plenary");
            frbr("FRBRWork", work, date, "#secretariat");
            empty("FRBRcountry", "value", "un");
            xml.writeEndElement();
            frbr("FRBRExpression", expression, date, "#secretariat");
            empty("FRBRlanguage", "language", language);
            xml.writeEndElement();
            frbr("FRBRManifestation", expression + ".akn", date, "#plenary");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("references");
            xml.writeAttribute("source", "#plenary");
            tlc("TLCOrganization", "plenary", "/ontology/organization/plenary", "Plenary");
            tlc("TLCRole", "secretariat", "/ontology/role/secretariat", "Secretariat");
            for (Participant p : doc.participants()) {
                tlc("TLCOrganization", p.code() == null ? p.id() : p.code(), "/ontology/organization/"
                        + (p.code() == null ? p.id() : p.code()), p.name());
            }
            xml.writeEndElement();
            proprietary();
            xml.writeEndElement();
        }

        /** The record's signed checkpoint, in Plenary's own namespace as AKN allows there. */
        private void proprietary() throws XMLStreamException {
            if (checkpoint == null) {
                return;
            }
            xml.writeStartElement("proprietary");
            xml.writeAttribute("source", "#plenary");
            xml.writeStartElement("plenary", "checkpoint", RECORD_NS);
            xml.writeNamespace("plenary", RECORD_NS);
            xml.writeCharacters(checkpoint);
            xml.writeEndElement();
            xml.writeEndElement();
        }

        private void frbr(String level, String uri, String date, String author) throws XMLStreamException {
            xml.writeStartElement(level);
            empty("FRBRthis", "value", uri + "/!main");
            empty("FRBRuri", "value", uri);
            xml.writeEmptyElement("FRBRdate");
            xml.writeAttribute("date", date == null ? "0001-01-01" : date);
            xml.writeAttribute("name", date == null ? "unknown" : "text");
            xml.writeEmptyElement("FRBRauthor");
            xml.writeAttribute("href", author);
        }

        private void tlc(String element, String eId, String href, String showAs) throws XMLStreamException {
            xml.writeEmptyElement(element);
            xml.writeAttribute("eId", eId);
            xml.writeAttribute("href", href);
            xml.writeAttribute("showAs", showAs);
        }

        private void empty(String element, String attribute, String value) throws XMLStreamException {
            xml.writeEmptyElement(element);
            xml.writeAttribute(attribute, value);
        }

        private void preface() throws XMLStreamException {
            var h = doc.header();
            xml.writeStartElement("preface");
            prefaceLine("docNumber", h.reference(), null);
            prefaceLine("docDate", h.date(), isoDate(h.date()));
            prefaceLine("docStatus", h.statusLine() != null ? h.statusLine() : doc.status().name(), null);
            prefaceLine("docTitle", h.title() == null ? null : h.title().replace('\n', ' '), null);
            prefaceLine(null, h.venue(), null);
            prefaceLine("docType", h.kind(), null);
            xml.writeEndElement();
        }

        private void prefaceLine(String element, String text, String date) throws XMLStreamException {
            if (text == null || element == null || (element.equals("docDate") && date == null)) {
                if (text != null) {
                    xml.writeStartElement("p");
                    xml.writeCharacters(text);
                    xml.writeEndElement();
                }
                return;
            }
            xml.writeStartElement("p");
            xml.writeStartElement(element);
            if (date != null) {
                xml.writeAttribute("date", date);
            }
            xml.writeCharacters(text);
            xml.writeEndElement();
            xml.writeEndElement();
        }

        private void preamble() throws XMLStreamException {
            List<Paragraph> recitals = doc.section(Section.PREAMBLE);
            if (recitals.isEmpty() && doc.chapeau().isEmpty()) {
                return;
            }
            xml.writeStartElement("preamble");
            if (!recitals.isEmpty()) {
                xml.writeStartElement("recitals");
                xml.writeAttribute("eId", "recs_1");
                int position = 0;
                for (Paragraph p : recitals) {
                    position++;
                    xml.writeStartElement("recital");
                    xml.writeAttribute("eId", eId("recs_1__rec", p.number(), position));
                    num(p);
                    block(p.content());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (!doc.chapeau().isEmpty()) {
                xml.writeStartElement("formula");
                xml.writeAttribute("name", "enactingFormula");
                xml.writeAttribute("eId", "formula_1");
                block(doc.chapeau());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        /** Articles open at their heading; paragraphs nest their sub-paragraphs as points. */
        private void mainBody() throws XMLStreamException {
            xml.writeStartElement("mainBody");
            List<Paragraph> op = doc.section(Section.OPERATIVE);
            String prefix = "";
            boolean inArticle = false;
            int position = 0;
            for (int i = 0; i < op.size(); i++) {
                Paragraph p = op.get(i);
                if (p.heading()) {
                    if (inArticle) {
                        xml.writeEndElement();
                    }
                    Matcher article = ARTICLE.matcher(new plenary.text.PlainText(doc.participants()).of(p.content()));
                    inArticle = true;
                    position++;
                    xml.writeStartElement(article.lookingAt() ? "article" : "hcontainer");
                    if (!article.lookingAt()) {
                        xml.writeAttribute("name", "heading");
                    }
                    prefix = eId(article.lookingAt() ? "art" : "hcontainer", article.lookingAt() ? article.group(1) : null,
                            position);
                    xml.writeAttribute("eId", prefix);
                    prefix += "__";
                    xml.writeStartElement("heading");
                    inline(p.content());
                    xml.writeEndElement();
                    continue;
                }
                position++;
                i = hierarchy(op, i, prefix, "para", position);
            }
            if (inArticle) {
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        /** Writes paragraph {@code op[i]} with the deeper paragraphs that follow it; returns the last one used. */
        private int hierarchy(List<Paragraph> op, int i, String prefix, String type, int position)
                throws XMLStreamException {
            Paragraph p = op.get(i);
            String eId = eId(prefix + type, p.number(), position);
            xml.writeStartElement(type.equals("para") ? "paragraph" : "point");
            xml.writeAttribute("eId", eId);
            num(p);
            boolean hasPoints = i + 1 < op.size() && !op.get(i + 1).heading() && op.get(i + 1).depth() > p.depth();
            xml.writeStartElement(hasPoints ? "intro" : "content");
            block(p.content());
            xml.writeEndElement();
            int last = i;
            int points = 0;
            while (last + 1 < op.size() && !op.get(last + 1).heading() && op.get(last + 1).depth() > p.depth()) {
                points++;
                last = hierarchy(op, last + 1, eId + "__", "point", points);
            }
            xml.writeEndElement();
            return last;
        }

        private String eId(String base, String number, int position) {
            String id = base + "_" + (number == null ? String.valueOf(position)
                    : number.strip().replaceAll("[^0-9A-Za-z]+", "-"));
            while (!eIds.add(id)) {
                id = id + "-" + position;
            }
            return id;
        }

        private void num(Paragraph p) throws XMLStreamException {
            if (p.number() != null) {
                xml.writeStartElement("num");
                xml.writeCharacters(MarkdownRenderer.number(p));
                xml.writeEndElement();
            }
        }

        private void block(List<Inline> content) throws XMLStreamException {
            xml.writeStartElement("p");
            inline(content);
            xml.writeEndElement();
        }

        private void inline(List<Inline> content) throws XMLStreamException {
            Map<Integer, InlineHtml.Tag> tags = InlineHtml.paired(content);
            for (int i = 0; i < content.size(); i++) {
                Inline node = content.get(i);
                if (node instanceof Inline.Text t) {
                    xml.writeCharacters(t.text());
                } else if (node instanceof Inline.Verbatim && tags.containsKey(i)) {
                    tag(tags.get(i));
                } else if (node instanceof Inline.Verbatim v) {
                    xml.writeCharacters(v.text());
                } else if (node instanceof Inline.Escaped x) {
                    xml.writeCharacters(x.character());
                } else if (node instanceof Inline.Emphasis e && Conventions.editorialNote(e)) {
                    xml.writeStartElement("inline");
                    xml.writeAttribute("name", "editorialNote");
                    xml.writeStartElement("i");
                    inline(e.content());
                    xml.writeEndElement();
                    xml.writeEndElement();
                } else if (node instanceof Inline.Emphasis e) {
                    wrap("i", e.content());
                } else if (node instanceof Inline.Strong s) {
                    wrap("b", s.content());
                } else if (node instanceof Inline.LineBreak) {
                    xml.writeEmptyElement("eol");
                } else if (node instanceof Inline.FootnoteRef ref) {
                    authorialNote(ref);
                } else if (node instanceof Inline.Bracket b) {
                    bracket(b);
                } else if (node instanceof Inline.ParticipantRef ref) {
                    Participant p = doc.participant(ref.participantId()).orElseThrow();
                    boolean pending = p.participation() == Participation.PENDING;
                    xml.writeStartElement("organization");
                    xml.writeAttribute("refersTo", "#" + (p.code() == null ? p.id() : p.code()));
                    xml.writeCharacters(pending ? "[" + p.name() + "]" : p.name());
                    xml.writeEndElement();
                }
            }
        }

        /** A kept tag (InlineHtml), paired, as AKN's own inline elements; small caps as a styled span. */
        private void tag(InlineHtml.Tag tag) throws XMLStreamException {
            if (tag.mark() == InlineHtml.Mark.LINE_BREAK) {
                xml.writeEmptyElement("eol");
            } else if (tag.closing()) {
                xml.writeEndElement();
            } else if (tag.mark() == InlineHtml.Mark.SMALL_CAPS) {
                xml.writeStartElement("span");
                xml.writeAttribute("class", "smallcaps");
            } else {
                xml.writeStartElement(switch (tag.mark()) {
                    case SUPERSCRIPT -> "sup";
                    case SUBSCRIPT -> "sub";
                    default -> "u";
                });
            }
        }

        private void wrap(String element, List<Inline> content) throws XMLStreamException {
            xml.writeStartElement(element);
            inline(content);
            xml.writeEndElement();
        }

        private void bracket(Inline.Bracket b) throws XMLStreamException {
            xml.writeStartElement("inline");
            xml.writeAttribute("name", Conventions.placeholder(b) ? "placeholder" : "bracket");
            String holders = Holders.of(b);
            if (!holders.isEmpty()) {
                xml.writeAttribute("title", holders);
            }
            for (int i = 0; i < b.alternatives().size(); i++) {
                xml.writeStartElement("inline");
                xml.writeAttribute("name", "alternative");
                xml.writeAttribute("title", Holders.describe(b, i));
                xml.writeCharacters("[");
                inline(b.alternatives().get(i).content());
                xml.writeCharacters("]");
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }

        private void authorialNote(Inline.FootnoteRef ref) throws XMLStreamException {
            Footnote note = doc.footnotes().stream().filter(f -> f.label().equals(ref.label())).findFirst().orElse(null);
            if (note == null) {
                wrap("sup", List.of(new Inline.Text(ref.label())));
                return;
            }
            notes++;
            xml.writeStartElement("authorialNote");
            xml.writeAttribute("marker", ref.label());
            xml.writeAttribute("placement", "bottom");
            xml.writeAttribute("eId", "authorialNote_" + notes);
            block(note.content());
            xml.writeEndElement();
        }
    }

    /** A name fit for an AKN URI or attribute: "Communiqué" → "communique". */
    static String name(String text) {
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String name = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return name.isEmpty() ? "document" : name;
    }
}
