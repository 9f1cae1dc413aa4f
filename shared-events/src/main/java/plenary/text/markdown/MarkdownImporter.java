package plenary.text.markdown;

import org.commonmark.node.Block;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.ThematicBreak;
import plenary.drafting.DraftKind;
import plenary.drafting.DraftStatus;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Brackets;
import plenary.text.Document;
import plenary.text.Footnote;
import plenary.text.Header;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Options;
import plenary.text.Paragraph;
import plenary.text.Participant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a whole text in the Markdown format of API.md into a {@link Document}. Blocks are read in the order a
 * negotiated text has them: header lines, preambular paragraphs, the operative chapeau, operative paragraphs;
 * footnotes after a rule. Paragraph numbers become labels so that "3bis" stays "3bis".
 */
public final class MarkdownImporter {

    private static final String LATIN = "bis|ter|quater|quinquies|sexies|septies|octies|novies|decies";
    private static final Pattern PREAMBLE_NUMBER = Pattern.compile("^\\(([ivxlcdm]+(?: ?(?:" + LATIN + "))?)\\)\\s+");
    private static final Pattern OPERATIVE_NUMBER = Pattern.compile("^([0-9]+(?:" + LATIN + ")?)\\.\\s+");
    private static final Pattern STATUS_LINE = Pattern.compile(
            "(?i)final|(zero |revised |final |draft )*draft|advance unedited version|provisional|rev\\.\\s*\\d+");
    private static final Pattern PARTICIPANT_NAME = Pattern.compile("^the [\\p{Lu}][\\p{L}'’\\- ]+$");

    private enum Phase { HEADER, PREAMBLE, OPERATIVE }

    private final IdAllocator ids;
    private final InlineMarkdown inlines;
    private final String attribution;

    private String reference;
    private String date;
    private String statusLine;
    private String title;
    private String venue;
    private String kind;
    private final List<Participant> participants = new ArrayList<>();
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private List<Inline> chapeau = List.of();
    private final List<Footnote> footnotes = new ArrayList<>();
    private String footnotesAfter;
    private Phase phase = Phase.HEADER;
    private boolean inFootnotes;

    private MarkdownImporter(IdAllocator ids, String attribution) {
        this.ids = ids;
        this.attribution = attribution;
        this.inlines = new InlineMarkdown(ids, attribution);
    }

    /**
     * @param ids         allocates the ids of paragraphs, brackets and participants
     * @param attribution who the brackets of the text are recorded against (the importing actor)
     */
    public static Document parse(String markdown, IdAllocator ids, String attribution) {
        return new MarkdownImporter(ids, attribution).read(markdown);
    }

    private Document read(String markdown) {
        Node root = InlineMarkdown.PARSER.parse(InlineMarkdown.protectEscapes(markdown));
        for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof ThematicBreak) {
                inFootnotes = true;
                footnotesAfter = paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1).id();
            } else if (block instanceof OrderedList list) {
                inFootnotes = false;
                phase = Phase.OPERATIVE;
                int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
                for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
                    operative(String.valueOf(number), itemContent((ListItem) item));
                }
            } else {
                block(inlines.convert(block.getFirstChild()));
            }
        }
        if (footnotesAfter != null && !paragraphs.isEmpty()
                && footnotesAfter.equals(paragraphs.get(paragraphs.size() - 1).id())) {
            footnotesAfter = null; // the notes stand at the end of the text
        }
        markPendingParticipants();
        Header header = new Header(reference, date, statusLine, title, venue, kind);
        return new Document(null, 0, DraftStatus.ZERO_DRAFT, header, participants, paragraphs, chapeau, footnotes,
                footnotesAfter, null);
    }

    private List<Inline> itemContent(ListItem item) {
        List<Inline> content = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (!content.isEmpty()) {
                content.add(new Inline.Text(" "));
            }
            content.addAll(child instanceof Block ? inlines.convert(child.getFirstChild()) : List.of());
        }
        return Brackets.normalise(content);
    }

    private void block(List<Inline> content) {
        if (content.isEmpty()) {
            return;
        }
        if (footnote(content)) {
            return;
        }
        inFootnotes = false;
        String text = leadingText(content);
        if (phase == Phase.HEADER && header(content, text)) {
            return;
        }
        if (phase == Phase.HEADER) {
            phase = Phase.PREAMBLE;
        }
        Matcher operative = OPERATIVE_NUMBER.matcher(text);
        if (operative.find()) {
            phase = Phase.OPERATIVE;
            operative(operative.group(1), stripLeading(content, operative.end()));
            return;
        }
        if (phase == Phase.PREAMBLE) {
            if (content.size() == 1 && content.get(0) instanceof Inline.Emphasis e && plain(e.content()).endsWith(":")) {
                chapeau = content;
                phase = Phase.OPERATIVE;
                return;
            }
            Matcher m = PREAMBLE_NUMBER.matcher(text);
            boolean numbered = m.find();
            paragraphs.add(new Paragraph(ids.next("p"), Section.PREAMBLE, numbered ? m.group(1) : null,
                    ParagraphStatus.PENDING, numbered ? stripLeading(content, m.end()) : content));
            return;
        }
        operative(null, content);
    }

    private boolean footnote(List<Inline> content) {
        if (!(content.get(0) instanceof Inline.FootnoteRef ref)) {
            return false;
        }
        List<Inline> rest = content.subList(1, content.size());
        String lead = leadingText(rest);
        boolean caretDefinition = lead.startsWith(":");
        if (!inFootnotes && !caretDefinition) {
            return false;
        }
        footnotes.add(new Footnote(ref.label(), stripLeading(rest, caretDefinition ? 1 : 0)));
        return true;
    }

    private boolean header(List<Inline> content, String text) {
        if (text.startsWith("Ref:")) {
            reference = text.substring(4).strip();
        } else if (text.startsWith("Date:")) {
            date = text.substring(5).strip();
        } else if (content.size() == 1 && content.get(0) instanceof Inline.Strong s && title == null) {
            title = titleText(s.content());
        } else if (content.size() == 1 && content.get(0) instanceof Inline.Emphasis e
                && e.content().size() == 1 && e.content().get(0) instanceof Inline.Strong s) {
            String line = plain(s.content());
            if (isKind(line)) {
                kind = line;
            } else {
                venue = line;
            }
        } else if (title == null && statusLine == null && content.size() == 1
                && content.get(0) instanceof Inline.Text && STATUS_LINE.matcher(text.strip()).matches()) {
            statusLine = text.strip();
        } else {
            return false;
        }
        return true;
    }

    private static boolean isKind(String line) {
        try {
            DraftKind.parse(line);
            return true;
        } catch (IllegalArgumentException notAKind) {
            return false;
        }
    }

    private void operative(String number, List<Inline> content) {
        paragraphs.add(new Paragraph(ids.next("p"), Section.OPERATIVE, number, ParagraphStatus.PENDING,
                Options.read(content, ids, attribution)));
    }

    /**
     * In the opening paragraph, a bracketed name ("[the Islamic Republic of Iran]") is a participant whose
     * participation is pending, as the seed's footnote explains; it becomes a participant of the draft.
     */
    private void markPendingParticipants() {
        int index = -1;
        for (int i = 0; i < paragraphs.size() && index < 0; i++) {
            index = paragraphs.get(i).section() == Section.PREAMBLE ? i : -1;
        }
        if (index < 0) {
            return;
        }
        Paragraph opening = paragraphs.get(index);
        List<Inline> content = new ArrayList<>();
        for (Inline node : opening.content()) {
            if (node instanceof Inline.Bracket b && b.alternatives().size() == 1
                    && b.alternatives().get(0).content().size() == 1
                    && b.alternatives().get(0).content().get(0) instanceof Inline.Text t
                    && PARTICIPANT_NAME.matcher(t.text()).matches()) {
                Participant p = new Participant(ids.next("t"), null, t.text(), Participation.PENDING);
                participants.add(p);
                content.add(new Inline.ParticipantRef(p.id()));
            } else {
                content.add(node);
            }
        }
        paragraphs.set(index, opening.withContent(content));
    }

    private static String titleText(List<Inline> content) {
        StringBuilder sb = new StringBuilder();
        for (Inline node : content) {
            sb.append(node instanceof Inline.LineBreak ? "\n" : plain(List.of(node)));
        }
        return sb.toString().strip();
    }

    private static String leadingText(List<Inline> content) {
        return !content.isEmpty() && content.get(0) instanceof Inline.Text t ? t.text() : "";
    }

    private static List<Inline> stripLeading(List<Inline> content, int chars) {
        List<Inline> out = new ArrayList<>(content);
        if (!out.isEmpty() && out.get(0) instanceof Inline.Text t) {
            out.set(0, new Inline.Text(t.text().substring(chars).stripLeading()));
        }
        return Brackets.normalise(out);
    }

    private static String plain(List<Inline> content) {
        StringBuilder sb = new StringBuilder();
        for (Inline node : content) {
            if (node instanceof Inline.Text t) {
                sb.append(t.text());
            } else if (node instanceof Inline.Emphasis e) {
                sb.append(plain(e.content()));
            } else if (node instanceof Inline.Strong s) {
                sb.append(plain(s.content()));
            }
        }
        return sb.toString();
    }
}
