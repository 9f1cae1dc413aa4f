package plenary.text.markdown;

import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.draft.DraftKind;
import plenary.text.Conventions;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.Footnote;
import plenary.text.Header;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Options;
import plenary.text.Paragraph.Layout;
import plenary.text.Paragraph.Marker;
import plenary.text.Paragraph;
import plenary.text.Participant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a whole text in the Markdown format of API.md into a {@link Document}. Blocks are read in the order a
 * negotiated text has them: header lines, preambular paragraphs, the operative chapeau, operative paragraphs
 * with their sub-paragraphs and article headings; footnotes after a rule or as {@code [^n]:} definitions.
 * Paragraph numbers become labels so that "3bis" stays "3bis". Nothing is dropped: what is not understood is
 * kept as text, and a bracket without its partner is kept as written and reported as a {@link Warning}.
 */
public final class MarkdownImporter {

    private static final String LATIN = TextBlocks.LATIN;
    private static final Pattern PARENS_NUMBER = Pattern.compile(
            "^\\(((?:[a-z]|[ivxlcdm]+|\\d+)(?: ?(?:" + LATIN + "))?)\\)\\s+");
    private static final Pattern CLOSE_PAREN_NUMBER = Pattern.compile("^([a-z]|[ivxlcdm]+)\\)\\s+");
    private static final Pattern DOT_NUMBER = Pattern.compile(
            "^([0-9]+(?:\\.[0-9]+)*(?: ?(?:" + LATIN + "|alt[0-9]*))?)\\.\\s+");
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "^([0-9]+(?:\\.[0-9]+)+(?: ?(?:" + LATIN + "|alt[0-9]*))?)\\s+");
    private static final Pattern SUP_NOTE = Pattern.compile("^<sup>([^<\\s]{1,8})</sup>\\s*");
    private static final Pattern CARET_NOTE = Pattern.compile("^\\[\\^([^\\]\\s]+)]:\\s*");
    private static final Pattern STATUS_LINE = Pattern.compile(
            "(?i)(final|(zero |revised |final |draft )*draft|advance unedited version|provisional)"
                    + "(,? rev\\.\\s*\\d+)?|rev\\.\\s*\\d+");
    private static final Pattern PARTICIPANT_NAME = Pattern.compile("^the [\\p{Lu}][\\p{L}'’\\- ]+$");
    private static final Pattern UNKNOWN_BLOCK = Pattern.compile("^\\s*(?:[|>+~`<-]|\\* )");
    private static final int PROGRESS_EVERY = 1000;
    private static final System.Logger LOG = System.getLogger(MarkdownImporter.class.getName());

    /** Something the secretariat should know about the text: where (1-based) and what. */
    public record Warning(int line, int column, String message) {
    }

    /** The text as a document, and what was kept as written rather than understood. */
    public record Result(Document document, List<Warning> warnings) {
    }

    private enum Phase { HEADER, PREAMBLE, OPERATIVE }

    private final IdAllocator ids;
    private final InlineMarkdown inlines;
    private final String attribution;
    private final List<Warning> warnings = new ArrayList<>();

    private String reference;
    private String date;
    private String statusLine;
    private String title;
    private String venue;
    private String kind;
    private String writtenTitle;
    private String writtenVenue;
    private String writtenKind;
    private final List<Participant> participants = new ArrayList<>();
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private List<Inline> chapeau = List.of();
    private final List<Footnote> footnotes = new ArrayList<>();
    private Phase phase = Phase.HEADER;
    private boolean inFootnotes;
    private boolean ruled;
    /** The kinds of sub-paragraph label in use at each depth under the current paragraph: "a", "i", "1". */
    private final List<Character> labelKinds = new ArrayList<>();
    private String lastLabel;

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
        return read(markdown, ids, attribution).document();
    }

    public static Result read(String markdown, IdAllocator ids, String attribution) {
        return new MarkdownImporter(ids, attribution).readAll(markdown);
    }

    private Result readAll(String markdown) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<TextBlocks.Block> blocks = TextBlocks.split(text);
        long started = System.nanoTime();
        for (int i = 0; i < blocks.size(); i++) {
            block(blocks.get(i));
            if ((i + 1) % PROGRESS_EVERY == 0) {
                LOG.log(System.Logger.Level.INFO, "import: {0} of {1} blocks read ({2}%), {3} ms", i + 1,
                        blocks.size(), (i + 1) * 100 / blocks.size(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        if (ruled) {
            paragraph(phase == Phase.OPERATIVE ? Section.OPERATIVE : Section.PREAMBLE, null, null,
                    List.of(new Inline.Verbatim("---")));
        }
        markPendingParticipants();
        String last = paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1).id();
        List<Footnote> notes = footnotes.stream()
                .map(f -> f.after() != null && f.after().equals(last)
                        ? new Footnote(f.label(), f.content(), f.style(), null, f.ruled()) : f)
                .toList();
        // kept only where the export would write it otherwise, so that a plain header records as it always did
        String t = title == null || writtenTitle == null || writtenTitle.equals(String.join("  \n",
                title.lines().map(line -> MarkdownRenderer.escape(line, true)).toList())) ? null : writtenTitle;
        String v = venue == null || writtenVenue == null || writtenVenue.equals(MarkdownRenderer.escape(venue, true))
                ? null : writtenVenue;
        String k = kind == null || writtenKind == null || writtenKind.equals(MarkdownRenderer.escape(kind, true))
                ? null : writtenKind;
        Header.Written written = t == null && v == null && k == null ? null : new Header.Written(t, v, k);
        Header header = new Header(reference, date, statusLine, title, venue, kind, null, written);
        Document doc = Document.text(header, participants, paragraphs, chapeau, notes, null);
        warnings.sort(Comparator.comparingInt(Warning::line).thenComparingInt(Warning::column));
        return new Result(doc, List.copyOf(warnings));
    }

    private void block(TextBlocks.Block block) {
        String first = block.first();
        if (TextBlocks.RULE.matcher(first).matches()) {
            if (ruled) {
                keepRule();
            }
            ruled = true;
            inFootnotes = true;
            return;
        }
        String body = first.strip();
        Matcher note = CARET_NOTE.matcher(body);
        Matcher sup = SUP_NOTE.matcher(body);
        if (note.find()) {
            footnote(block, note.group(1), note.end(), Footnote.Style.CARET);
            return;
        }
        if (inFootnotes && sup.find()) {
            footnote(block, sup.group(1), sup.end(), null);
            return;
        }
        if (ruled) {
            keepRule();
        }
        inFootnotes = false;
        Matcher heading = TextBlocks.HEADING.matcher(first);
        if (heading.matches()) {
            heading(block, heading);
            return;
        }
        if (UNKNOWN_BLOCK.matcher(first).find()) {
            paragraph(section(), null, null, inline(block, 0, true));
            return;
        }
        Numbered numbered = number(body);
        List<Inline> content = inline(block, numbered == null ? 0 : numbered.length, false);
        if (content.isEmpty()) {
            return;
        }
        if (phase == Phase.HEADER && numbered == null && header(content, leadingText(content), block.text().strip())) {
            return;
        }
        if (phase == Phase.HEADER) {
            phase = numbered != null && numbered.marker == Marker.DOT ? Phase.OPERATIVE : Phase.PREAMBLE;
        }
        if (numbered != null && (numbered.marker == Marker.DOT || numbered.marker == Marker.BARE)) {
            phase = Phase.OPERATIVE;
            labelKinds.clear();
            paragraph(Section.OPERATIVE, numbered.number,
                    numbered.marker == Marker.DOT ? null : new Layout(0, 0, numbered.marker), content);
            return;
        }
        if (phase == Phase.PREAMBLE && numbered == null && chapeau(content)) {
            chapeau = content;
            phase = Phase.OPERATIVE;
            return;
        }
        if (phase == Phase.OPERATIVE && numbered != null) {
            paragraph(Section.OPERATIVE, numbered.number, new Layout(0, depth(numbered.number), numbered.marker),
                    content);
            return;
        }
        if (numbered == null) {
            labelKinds.clear();
        }
        paragraph(section(), numbered == null ? null : numbered.number,
                numbered == null || numbered.marker == Marker.PARENS ? null : new Layout(0, 0, numbered.marker),
                content);
    }

    /** A rule that no footnote follows is not a footnote rule: it stays in the text where it stood. */
    private void keepRule() {
        ruled = false;
        paragraph(section(), null, null, List.of(new Inline.Verbatim("---")));
    }

    private Section section() {
        return phase == Phase.OPERATIVE ? Section.OPERATIVE : Section.PREAMBLE;
    }

    private void heading(TextBlocks.Block block, Matcher heading) {
        int level = heading.group(1).length();
        List<Inline> content = inlines.parse(heading.group(2),
                stray -> warn(block.line(), heading.start(2), heading.group(2), stray), false);
        if (heading.group(2).matches("(?i)\\W*article\\b.*")) {
            phase = Phase.OPERATIVE;
        } else if (phase == Phase.HEADER) {
            phase = Phase.PREAMBLE;
        }
        labelKinds.clear();
        paragraph(section(), null, new Layout(level, 0, null), content);
    }

    private void footnote(TextBlocks.Block block, String label, int skip, Footnote.Style style) {
        String after = paragraphs.isEmpty() ? null : paragraphs.get(paragraphs.size() - 1).id();
        footnotes.add(new Footnote(label, inline(block, skip, false), style, after, ruled));
        ruled = false;
    }

    record Numbered(String number, Marker marker, int length) {
    }

    static Numbered number(String body) {
        for (Marker marker : Marker.values()) {
            Pattern p = switch (marker) {
                case DOT -> DOT_NUMBER;
                case PARENS -> PARENS_NUMBER;
                case CLOSE_PAREN -> CLOSE_PAREN_NUMBER;
                case BARE -> BARE_NUMBER;
            };
            Matcher m = p.matcher(body);
            if (m.find()) {
                return new Numbered(m.group(1), marker, m.end());
            }
        }
        return null;
    }

    /**
     * How deep a sub-paragraph sits: a new kind of label ("a" after the paragraph, then "i") goes one deeper, a
     * kind already in use goes back to its depth. "(i)" after "(h)" is a letter, not a Roman one.
     */
    private int depth(String label) {
        char kind = Character.isDigit(label.charAt(0)) ? '1'
                : label.matches("[ivxlcdm]{2,}.*") || (label.matches("[ivx]") && !follows(label)) ? 'i' : 'a';
        lastLabel = label;
        int at = labelKinds.indexOf(kind);
        if (at >= 0) {
            labelKinds.subList(at + 1, labelKinds.size()).clear();
            return at + 1;
        }
        labelKinds.add(kind);
        return labelKinds.size();
    }

    private boolean follows(String label) {
        return lastLabel != null && lastLabel.length() == 1 && lastLabel.charAt(0) + 1 == label.charAt(0);
    }

    private List<Inline> inline(TextBlocks.Block block, int skip, boolean keepLines) {
        int offset = block.indent() + skip;
        String source = block.text().substring(Math.min(offset, block.text().length()));
        return inlines.parse(source, stray -> warn(block.line(), offset, source, stray), keepLines);
    }

    private void warn(int line, int offset, String source, InlineMarkdown.Stray stray) {
        int[] at = InlineMarkdown.bracketPositions(source).get(stray.index());
        warnings.add(new Warning(line + at[0], (at[0] == 0 ? offset : 0) + at[1] + 1, stray.message()));
    }

    private void paragraph(Section section, String number, Layout layout, List<Inline> content) {
        paragraphs.add(new Paragraph(ids.next("p"), section, number, ParagraphStatus.PENDING,
                Options.read(content, ids, attribution), layout));
    }

    private boolean chapeau(List<Inline> content) {
        return content.size() == 1 && content.get(0) instanceof Inline.Emphasis e
                && !Conventions.editorialNote(e) && plain(e.content()).strip().endsWith(":");
    }

    /** A header line; {@code source} is its Markdown as written, kept for the title, venue and kind. */
    private boolean header(List<Inline> content, String text, String source) {
        boolean plainText = content.size() == 1 && content.get(0) instanceof Inline.Text;
        if (plainText && text.startsWith("Ref:")) {
            reference = text.substring(4).strip();
        } else if (plainText && text.startsWith("Date:")) {
            date = text.substring(5).strip();
        } else if (content.size() == 1 && content.get(0) instanceof Inline.Strong s && title == null) {
            title = titleText(s.content());
            writtenTitle = between(source, "**");
        } else if (content.size() == 1 && content.get(0) instanceof Inline.Emphasis e
                && e.content().size() == 1 && e.content().get(0) instanceof Inline.Strong s) {
            String line = plain(s.content());
            if (isKind(line) && kind == null) {
                kind = line;
                writtenKind = between(source, "***");
            } else if (venue == null) {
                venue = line;
                writtenVenue = between(source, "***");
            } else if (kind == null) {
                kind = line; // the kind in another language ("Коммюнике", "بیانیه")
                writtenKind = between(source, "***");
            } else {
                return false;
            }
        } else if (title == null && statusLine == null && content.size() == 1
                && content.get(0) instanceof Inline.Text && STATUS_LINE.matcher(text.strip()).matches()) {
            statusLine = text.strip();
        } else {
            return false;
        }
        return true;
    }

    /**
     * What stands between {@code marks} at both ends of {@code source}, or null when it is written otherwise;
     * HTML that a text may not hold escaped (see InlineHtml).
     */
    private static String between(String source, String marks) {
        boolean wrapped = source.length() >= 2 * marks.length() && source.startsWith(marks) && source.endsWith(marks);
        return wrapped ? InlineMarkdown.escapeRefused(source.substring(marks.length(), source.length() - marks.length()))
                : null;
    }

    private static boolean isKind(String line) {
        try {
            DraftKind.parse(line);
            return true;
        } catch (IllegalArgumentException notAKind) {
            return false;
        }
    }

    /**
     * In the opening paragraph, a bracketed name ("[the Islamic Republic of Iran]") is a participant whose
     * participation is pending, as the seed's footnote explains; it becomes a participant of the draft.
     */
    private void markPendingParticipants() {
        int index = -1;
        for (int i = 0; i < paragraphs.size() && index < 0; i++) {
            index = paragraphs.get(i).section() == Section.PREAMBLE && paragraphs.get(i).topLevel() ? i : -1;
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

    static String plain(List<Inline> content) {
        StringBuilder sb = new StringBuilder();
        for (Inline node : content) {
            if (node instanceof Inline.Text t) {
                sb.append(t.text());
            } else if (node instanceof Inline.Emphasis e) {
                sb.append(plain(e.content()));
            } else if (node instanceof Inline.Strong s) {
                sb.append(plain(s.content()));
            } else if (node instanceof Inline.Escaped x) {
                sb.append(x.character());
            }
        }
        return sb.toString();
    }
}
