package plenary.query.drafting;

import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.procedure.DraftFinalised;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.Document;
import plenary.text.EventText;
import plenary.text.Fold;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.markdown.InlineMarkdown;
import plenary.text.markdown.MarkdownImporter;
import plenary.text.markdown.MarkdownRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A short negotiation of the seed communiqué, as the command side would record it: brackets with alternatives,
 * a deletion offered, proposals with brackets of their own, acceptances, and finalising. Built event by event
 * with the shared fold, so that every id and quote is one the aggregate would have produced.
 */
public final class Negotiation {

    public static final String D = "d1";
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    public static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    public static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    public static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);
    public static final Actor TJK = Actor.of("tjk", Role.DELEGATION);
    static final Path SEED = Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");

    private final List<DraftEvent> events = new ArrayList<>();
    private Document doc;

    private Negotiation() {
    }

    /** The events, in order; event i (from 0) is version i + 1. */
    public static List<DraftEvent> events() {
        Negotiation n = new Negotiation();
        n.add(new DraftImported(D, EventText.whole(seed()), SECRETARIAT));
        n.add(new DelegationAdmitted(D, "t2", "kaz", "the Republic of Kazakhstan", Participation.CONFIRMED,
                SECRETARIAT));
        String ppV = n.numbered("v").id();
        n.bracket(ppV, "manage borders", KAZ, "too narrow", "secure borders");
        String b3 = "b3";
        n.add(new AlternativeProposed(D, b3, "a4", List.of(new Wording.Text("control borders")), TJK));
        String op = n.propose(Section.OPERATIVE, null, "Establish a [regional][national] working group on mixed "
                + "migration, meeting twice a year.", KAZ);
        n.bracket(op, "twice a year", TJK, null, "once a year", "as needed");
        n.add(new AlternativeAccepted(D, b3, "a4", CHAIR));
        String ppVii = n.numbered("vii").id();
        n.bracket(ppVii, "durable solutions for refugees", TJK, "", "lasting solutions for refugees");
        n.add(new AlternativeProposed(D, "b8", "a9", List.of(), KAZ));
        n.propose(Section.PREAMBLE, ppV, "*Noting* the work of the Almaty Process [support office][secretariat],",
                Actor.of("chair", Role.CHAIR));
        n.add(new AlternativeAccepted(D, "b8", "a8.2", CHAIR)); // the words as they stood
        n.acceptAllOpen();
        n.add(new DraftFinalised(D, MarkdownRenderer.contentHash(Fold.asFinal(n.doc)), SECRETARIAT));
        return List.copyOf(n.events);
    }

    public static Instant at(long sequence) {
        return T0.plusSeconds(60 * sequence);
    }

    public static Document seed() {
        try {
            return MarkdownImporter.parse(Files.readString(SEED, StandardCharsets.UTF_8), new IdAllocator(1),
                    "Secretariat");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(DraftEvent event) {
        doc = Fold.apply(doc, event);
        events.add(event);
    }

    private long next() {
        return events.size() + 1;
    }

    private Paragraph numbered(String number) {
        return doc.paragraphs().stream().filter(p -> number.equals(p.number())).findFirst().orElseThrow();
    }

    private void bracket(String paragraphId, String quote, Actor by, String rationale, String... alternatives) {
        IdAllocator ids = new IdAllocator(next());
        String bracketId = ids.next("b");
        String original = ids.next("a");
        InlineMarkdown parser = new InlineMarkdown(ids, by.attribution());
        List<Wording.Alternative> offered = new ArrayList<>();
        for (String text : alternatives) {
            offered.add(EventText.wording(new Inline.Alternative(ids.next("a"), by.attribution(), parser.parse(text))));
        }
        add(new TextBracketed(D, paragraphId, bracketId, quote, 1, original, offered, rationale, by));
    }

    private String propose(Section section, String after, String text, Actor by) {
        IdAllocator ids = new IdAllocator(next());
        String id = ids.next("p");
        List<Inline> content = new InlineMarkdown(ids, by.attribution()).parse(text);
        add(new ParagraphProposed(D, id, section, after,
                plenary.text.Numbering.forNewParagraph(doc, section, after), EventText.wording(content), by));
        return id;
    }

    /** The chair accepts the last alternative of every bracket still open, outermost first. */
    private void acceptAllOpen() {
        while (!doc.openBrackets().isEmpty()) {
            Inline.Bracket b = doc.openBrackets().get(0).bracket();
            add(new AlternativeAccepted(D, b.id(), b.alternatives().get(b.alternatives().size() - 1).id(), CHAIR));
        }
    }
}
