package plenary.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import plenary.drafting.DraftEvent;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeObjected;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.AlternativeSupported;
import plenary.drafting.brackets.AlternativeWithdrawn;
import plenary.drafting.brackets.BracketWithdrawn;
import plenary.drafting.brackets.BridgingTextProposed;
import plenary.drafting.brackets.DeletionProposed;
import plenary.drafting.brackets.OptionsOpened;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.catalogue.Events;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.draft.DraftRevisedFromText;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.footnotes.FootnoteRemoved;
import plenary.drafting.paragraphs.AgreementWithdrawn;
import plenary.drafting.paragraphs.ParagraphAgreed;
import plenary.drafting.paragraphs.ParagraphMoved;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ParagraphStatusSet;
import plenary.drafting.paragraphs.ParagraphsRenumbered;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.participants.ParticipationChanged;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.RevisionIssued;
import plenary.drafting.procedure.SilenceBroken;
import plenary.drafting.procedure.SilenceProcedureConcluded;
import plenary.drafting.procedure.SilenceProcedureStarted;
import plenary.drafting.procedure.SilenceSubject;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.markdown.MarkdownImporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the one fold over random valid negotiations: each event changes only the parts of the document it
 * is about (and, where it is about one paragraph, only that paragraph), and replaying the events, as they are
 * stored (JSON, under their published names), gives the document the events were folded into one by one.
 */
class FoldProperties {

    private static final String D = "d1";
    private static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    private static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    private static final List<Actor> DELEGATIONS =
            List.of(Actor.of("kaz", Role.DELEGATION), Actor.of("tur", Role.DELEGATION), Actor.of("irn", Role.DELEGATION));
    /** Words the generator writes, each once in the whole draft, so that a quote of one finds exactly it. */
    private static final Pattern WORD = Pattern.compile("w\\d+[abc]");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** The parts of a document an event may change. */
    enum Part { STATUS, HEADER, PARTICIPANTS, PARAGRAPHS, CHAPEAU, FOOTNOTES, FOOTNOTES_AFTER, CONTENT_HASH,
        REVISIONS, SILENCE }

    @Provide
    Arbitrary<List<Integer>> negotiations() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 300)
    void everyEventLeavesAloneWhatItIsNotAbout(@ForAll("negotiations") List<Integer> choices) {
        Negotiation n = new Negotiation(choices.get(0) % 2 == 0);
        for (int choice : choices.subList(1, choices.size())) {
            Document before = n.doc;
            Optional<DraftEvent> next = n.next(choice);
            if (next.isEmpty()) {
                continue;
            }
            DraftEvent event = next.get();
            Document after = n.doc;
            String kind = event.getClass().getSimpleName();

            assertThat(after.version()).as(kind).isEqualTo(before.version() + 1);
            assertThat(after.draftId()).as(kind).isEqualTo(before.draftId());
            Set<Part> about = about(event);
            for (Part part : EnumSet.complementOf(EnumSet.copyOf(about))) {
                assertThat(part(after, part)).as("%s changed %s", kind, part).isEqualTo(part(before, part));
            }
            if (about.contains(Part.HEADER)) {
                assertThat(headerBeyond(event, after.header())).as("%s changed the header beyond its part", kind)
                        .isEqualTo(headerBeyond(event, before.header()));
            }
            paragraphAbout(event, before).ifPresent(id -> assertThat(othersThan(id, after))
                    .as("%s changed paragraphs other than %s", kind, id).isEqualTo(othersThan(id, before)));
        }
    }

    @Property(tries = 200)
    void replayingTheStoredEventsGivesTheDocumentFoldedStepByStep(@ForAll("negotiations") List<Integer> choices)
            throws IOException {
        Negotiation n = new Negotiation(choices.get(0) % 2 == 0);
        choices.subList(1, choices.size()).forEach(n::next);

        List<DraftEvent> stored = new ArrayList<>();
        for (DraftEvent e : n.events) {
            String name = Events.name(e.getClass()).orElseThrow();
            byte[] payload = JSON.writeValueAsBytes(e);
            stored.add(JSON.readValue(payload, Events.type(name).orElseThrow()));
        }
        assertThat(stored).isEqualTo(n.events);
        assertThat(Fold.replay(stored)).isEqualTo(n.doc);
        assertThat(Fold.replay(n.events)).isEqualTo(n.doc);
    }

    // ---------------------------------------------------------------- what each kind of event is about

    private static final Set<Part> NEGOTIATED = EnumSet.of(Part.PARAGRAPHS, Part.STATUS, Part.HEADER);
    private static final Map<Class<? extends DraftEvent>, Set<Part>> ABOUT = Map.ofEntries(
            Map.entry(DelegationAdmitted.class, EnumSet.of(Part.PARTICIPANTS, Part.PARAGRAPHS)),
            Map.entry(ParticipationChanged.class, EnumSet.of(Part.PARTICIPANTS)),
            Map.entry(ParagraphProposed.class, NEGOTIATED),
            Map.entry(TextBracketed.class, NEGOTIATED),
            Map.entry(AlternativeProposed.class, NEGOTIATED),
            Map.entry(AlternativeAccepted.class, NEGOTIATED),
            Map.entry(AlternativeWithdrawn.class, NEGOTIATED),
            Map.entry(BracketWithdrawn.class, NEGOTIATED),
            Map.entry(OptionsOpened.class, NEGOTIATED),
            Map.entry(DeletionProposed.class, NEGOTIATED),
            Map.entry(BridgingTextProposed.class, NEGOTIATED),
            Map.entry(ParagraphMoved.class, NEGOTIATED),
            Map.entry(AlternativeSupported.class, EnumSet.of(Part.PARAGRAPHS)),
            Map.entry(AlternativeObjected.class, EnumSet.of(Part.PARAGRAPHS)),
            Map.entry(ParagraphStatusSet.class, EnumSet.of(Part.PARAGRAPHS)),
            Map.entry(ParagraphAgreed.class, EnumSet.of(Part.PARAGRAPHS)),
            Map.entry(AgreementWithdrawn.class, EnumSet.of(Part.PARAGRAPHS)),
            Map.entry(ParagraphsRenumbered.class, EnumSet.of(Part.PARAGRAPHS)),
            Map.entry(FootnoteAdded.class, EnumSet.of(Part.PARAGRAPHS, Part.FOOTNOTES)),
            Map.entry(FootnoteRemoved.class, EnumSet.of(Part.PARAGRAPHS, Part.FOOTNOTES)),
            Map.entry(RevisionIssued.class, EnumSet.of(Part.HEADER, Part.REVISIONS)),
            Map.entry(SilenceProcedureStarted.class, EnumSet.of(Part.SILENCE)),
            Map.entry(SilenceBroken.class, EnumSet.of(Part.SILENCE)),
            Map.entry(DraftFinalised.class, EnumSet.of(Part.STATUS, Part.HEADER, Part.CONTENT_HASH)),
            // a chair's new text: everything of the text, nothing of the draft's record
            Map.entry(DraftRevisedFromText.class, EnumSet.of(Part.STATUS, Part.HEADER, Part.PARTICIPANTS,
                    Part.PARAGRAPHS, Part.CHAPEAU, Part.FOOTNOTES, Part.FOOTNOTES_AFTER)));

    private static Set<Part> about(DraftEvent event) {
        if (event instanceof SilenceProcedureConcluded e) {
            // silence kept on participation confirms every pending participant
            return e.subject() == SilenceSubject.PARTICIPATION ? EnumSet.of(Part.SILENCE, Part.PARTICIPANTS)
                    : EnumSet.of(Part.SILENCE);
        }
        return Optional.ofNullable(ABOUT.get(event.getClass()))
                .orElseThrow(() -> new IllegalArgumentException("no property says what " + event + " is about"));
    }

    /** The header without the line an event is about: drafting changes the status line, a revision the issue. */
    private static Header headerBeyond(DraftEvent event, Header header) {
        if (event instanceof RevisionIssued) {
            return header.withIssue(null);
        }
        if (event instanceof DraftFinalised) {
            return header.withIssue(null).withStatusLine(null);
        }
        if (event instanceof DraftRevisedFromText) {
            return null;
        }
        return header.withStatusLine(null);
    }

    /** The one paragraph an event is about, where it is about one: every other must stay as it was. */
    private static Optional<String> paragraphAbout(DraftEvent event, Document before) {
        String bracketId = event instanceof AlternativeProposed e ? e.bracketId()
                : event instanceof AlternativeAccepted e ? e.bracketId()
                : event instanceof AlternativeWithdrawn e ? e.bracketId()
                : event instanceof AlternativeSupported e ? e.bracketId()
                : event instanceof AlternativeObjected e ? e.bracketId()
                : event instanceof BracketWithdrawn e ? e.bracketId()
                : event instanceof BridgingTextProposed e ? e.bracketId() : null;
        if (bracketId != null) {
            return before.locateBracket(bracketId).map(at -> at.paragraph().id());
        }
        return Optional.ofNullable(event instanceof TextBracketed e ? e.paragraphId()
                : event instanceof OptionsOpened e ? e.paragraphId()
                : event instanceof DeletionProposed e ? e.paragraphId()
                : event instanceof ParagraphStatusSet e ? e.paragraphId()
                : event instanceof ParagraphAgreed e ? e.paragraphId()
                : event instanceof AgreementWithdrawn e ? e.paragraphId()
                : event instanceof FootnoteAdded e ? e.paragraphId()
                : event instanceof ParagraphProposed e ? e.paragraphId()
                : event instanceof ParagraphMoved e ? e.paragraphId() : null);
    }

    /** The other paragraphs in order; the order of the one concerned among them is its own business. */
    private static List<Paragraph> othersThan(String paragraphId, Document doc) {
        return doc.paragraphs().stream().filter(p -> !p.id().equals(paragraphId)).toList();
    }

    private static Object part(Document doc, Part part) {
        return switch (part) {
            case STATUS -> doc.status();
            case HEADER -> doc.header();
            case PARTICIPANTS -> doc.participants();
            case PARAGRAPHS -> doc.paragraphs();
            case CHAPEAU -> doc.chapeau();
            case FOOTNOTES -> doc.footnotes();
            case FOOTNOTES_AFTER -> Objects.toString(doc.footnotesAfter());
            case CONTENT_HASH -> Objects.toString(doc.contentHash());
            case REVISIONS -> doc.revisions();
            case SILENCE -> Objects.toString(doc.silenceProcedure());
        };
    }

    // ---------------------------------------------------------------- random valid negotiations

    /**
     * A negotiation under way: each choice becomes an event that the aggregate could have recorded next, with ids
     * allocated as the aggregate allocates them (from the event's version), or none when nothing of that kind can
     * happen now.
     */
    static final class Negotiation {

        final List<DraftEvent> events = new ArrayList<>();
        Document doc;

        Negotiation(boolean imported) {
            apply(imported
                    ? new DraftImported(D, EventText.whole(MarkdownImporter.parse(seed(), new IdAllocator(1),
                    "Secretariat")), SECRETARIAT)
                    : new DraftCreated(D, "TEST/1", "A Test Communiqué", "Communiqué", "01/01/2025", "Geneva",
                    SECRETARIAT));
        }

        Document apply(DraftEvent event) {
            doc = Fold.apply(doc, event);
            events.add(event);
            return doc;
        }

        /** The event this choice makes, already applied; none when it names nothing that exists. */
        Optional<DraftEvent> next(int choice) {
            if (doc.finalised()) {
                return Optional.empty();
            }
            Pick pick = new Pick(choice);
            Optional<DraftEvent> event = make(pick.kind(26), pick);
            event.ifPresent(this::apply);
            return event;
        }

        private Optional<DraftEvent> make(int kind, Pick pick) {
            long v = doc.version() + 1;
            Actor delegation = pick.one(DELEGATIONS);
            List<Paragraph> paragraphs = doc.paragraphs();
            List<Document.Located> open = doc.openBrackets();
            return switch (kind) {
                case 0, 1 -> Optional.of(new DelegationAdmitted(D, "t" + v, "d" + v, "Delegation " + v,
                        pick.one(List.of(Participation.values())), pick.flag(), SECRETARIAT));
                case 2 -> pick.maybe(doc.participants()).map(p -> new ParticipationChanged(D, p.id(),
                        pick.one(List.of(Participation.values())), SECRETARIAT));
                case 3, 4, 5 -> {
                    Section section = pick.one(List.of(Section.values()));
                    List<Paragraph> there = doc.section(section);
                    String after = there.isEmpty() || pick.flag() ? null : pick.one(there).id();
                    yield Optional.of(new ParagraphProposed(D, "p" + v, section, after,
                            section == Section.OPERATIVE ? String.valueOf(v) : null,
                            words("w" + v + "a w" + v + "b w" + v + "c"), delegation));
                }
                case 6, 7, 8 -> pick.maybe(quotable()).map(q -> new TextBracketed(D, q.paragraphId(), "b" + v,
                        q.word(), 1, "a" + v + ".2", pick.flag() ? List.of()
                        : List.of(new Wording.Alternative("a" + v + ".3", delegation.attribution(), words("x" + v))),
                        pick.flag() ? null : "a rationale", delegation));
                case 9, 10 -> pick.maybe(open).map(at -> new AlternativeProposed(D, at.bracket().id(), "a" + v,
                        words("y" + v), delegation));
                case 11 -> pick.maybe(open).map(at -> {
                    String alternative = pick.one(at.bracket().alternatives()).id();
                    return pick.flag() ? new AlternativeSupported(D, at.bracket().id(), alternative, delegation)
                            : new AlternativeObjected(D, at.bracket().id(), alternative, delegation);
                });
                case 12 -> pick.maybe(open.stream().filter(at -> at.bracket().alternatives().size() > 1).toList())
                        .map(at -> new AlternativeWithdrawn(D, at.bracket().id(), pick.one(at.bracket().alternatives()
                                .subList(1, at.bracket().alternatives().size())).id(), delegation));
                case 13 -> pick.maybe(open).map(at -> new AlternativeAccepted(D, at.bracket().id(),
                        pick.one(at.bracket().alternatives()).id(), CHAIR));
                case 14 -> pick.maybe(open).map(at -> new BracketWithdrawn(D, at.bracket().id(), delegation));
                case 15 -> pick.maybe(paragraphs).map(p -> {
                    List<Paragraph> others = doc.section(p.section()).stream().filter(o -> o != p).toList();
                    return new ParagraphMoved(D, p.id(), others.isEmpty() || pick.flag() ? null
                            : pick.one(others).id(), CHAIR);
                });
                case 16 -> pick.maybe(paragraphs).map(p -> new ParagraphStatusSet(D, p.id(),
                        pick.one(List.of(ParagraphStatus.values())), CHAIR));
                case 17 -> pick.maybe(paragraphs).map(p -> new ParagraphAgreed(D, p.id(), pick.flag(), delegation));
                case 18 -> pick.maybe(paragraphs.stream().filter(p -> !p.agreements().isEmpty()).toList()).map(p ->
                        new AgreementWithdrawn(D, p.id(), DELEGATIONS.stream().filter(a -> a.delegation()
                                .equals(p.agreements().get(0).delegation())).findFirst().orElseThrow()));
                case 19 -> pick.maybe(paragraphs).map(p -> {
                    String quote = pick.flag() ? null : quotable().stream().filter(q -> q.paragraphId()
                            .equals(p.id())).map(Quotable::word).findFirst().orElse(null);
                    return new FootnoteAdded(D, "n" + v, p.id(), quote, words("note " + v), SECRETARIAT);
                });
                case 20 -> pick.maybe(doc.footnotes()).map(f -> new FootnoteRemoved(D, f.label(), SECRETARIAT));
                case 21 -> {
                    Map<String, String> numbers = new LinkedHashMap<>();
                    List<Paragraph> operative = doc.section(Section.OPERATIVE);
                    for (int i = 0; i < operative.size(); i++) {
                        numbers.put(operative.get(i).id(), String.valueOf(i + 1));
                    }
                    yield Optional.of(new ParagraphsRenumbered(D, numbers, SECRETARIAT));
                }
                case 22 -> Optional.of(new RevisionIssued(D, "Rev." + (doc.revisions().size() + 1), SECRETARIAT));
                case 23 -> {
                    if (doc.silenceRunning()) {
                        SilenceProcedure running = doc.silenceProcedure();
                        yield Optional.of(pick.flag()
                                ? new SilenceBroken(D, running.id(), "we object", delegation)
                                : new SilenceProcedureConcluded(D, running.id(), running.subject(), SECRETARIAT));
                    }
                    yield Optional.of(new SilenceProcedureStarted(D, "s" + v, Instant.parse("2026-12-03T17:00:00Z")
                            .plusSeconds(v), pick.one(List.of(SilenceSubject.values())), SECRETARIAT));
                }
                case 24 -> pick.maybe(paragraphs).map(p -> pick.flag()
                        ? new OptionsOpened(D, p.id(), "b" + v, "a" + v + ".2",
                        new Wording.Alternative("a" + v + ".3", delegation.attribution(), words("o" + v)), delegation)
                        : new DeletionProposed(D, p.id(), "b" + v, "a" + v + ".2", "a" + v + ".3", delegation));
                case 25 -> pick.flag() ? revisedText(v, pick)
                        : pick.maybe(open.stream().filter(at -> at.bracket().alternatives().size() > 2).toList())
                        .map(at -> new BridgingTextProposed(D, at.bracket().id(), at.bracket().alternatives()
                                .subList(1, 3).stream().map(Inline.Alternative::id).toList(),
                                new Wording.Alternative("a" + v, "Chair", words("z" + v)), CHAIR));
                default -> open.isEmpty() && pick.flag()
                        ? Optional.of(new DraftFinalised(D, "hash" + v, SECRETARIAT)) : Optional.empty();
            };
        }

        /** A chair's new text: one paragraph reworded, one dropped, one new at the end, a new title. */
        private Optional<DraftEvent> revisedText(long v, Pick pick) {
            if (doc.paragraphs().size() < 2) {
                return Optional.empty();
            }
            Paragraph edited = pick.one(doc.paragraphs());
            Paragraph dropped = pick.one(doc.paragraphs().stream().filter(p -> p != edited).toList());
            Paragraph added = new Paragraph("p" + v, Section.OPERATIVE, "99", ParagraphStatus.PENDING,
                    EventText.inline(words("w" + v + "a")));
            List<String> order = new ArrayList<>(doc.paragraphs().stream().map(Paragraph::id)
                    .filter(id -> !id.equals(dropped.id())).toList());
            order.add(added.id());
            return Optional.of(new DraftRevisedFromText(D, EventText.recorded(doc.header().withStatusLine(null)
                    .withIssue(null)), EventText.wording(doc.chapeau()), List.of(),
                    List.of(EventText.recorded(edited.withContent(EventText.inline(words("r" + v))))
                            , EventText.recorded(added)),
                    List.of(dropped.id()), order, doc.footnotes().stream().map(EventText::recorded).toList(), CHAIR));
        }

        record Quotable(String paragraphId, String word) {
        }

        /** The generator's words that stand outside any bracket: a delegation can bracket any of them. */
        private List<Quotable> quotable() {
            List<Quotable> words = new ArrayList<>();
            for (Paragraph p : doc.paragraphs()) {
                for (Inline node : p.content()) {
                    if (node instanceof Inline.Text t) {
                        for (String w : t.text().split(" ")) {
                            if (WORD.matcher(w).matches()) {
                                words.add(new Quotable(p.id(), w));
                            }
                        }
                    }
                }
            }
            return words;
        }
    }

    private static List<Wording> words(String text) {
        return List.of(new Wording.Text(text));
    }

    /** Draws the parts of one choice: the kind of event first, then which of the things that exist. */
    static final class Pick {
        private long rest;

        Pick(int choice) {
            this.rest = choice;
        }

        int kind(int kinds) {
            return draw(kinds + 1);
        }

        boolean flag() {
            return draw(2) == 0;
        }

        <T> T one(List<T> from) {
            return from.get(draw(from.size()));
        }

        <T> Optional<T> maybe(List<T> from) {
            return from.isEmpty() ? Optional.empty() : Optional.of(one(from));
        }

        private int draw(int n) {
            int drawn = (int) (rest % n);
            rest = rest / n + drawn * 7919L; // keep drawing when the choice runs out, still deterministic
            return drawn;
        }
    }

    private static String seed() {
        try (InputStream in = FoldProperties.class.getResourceAsStream("/corpus/almaty-process-communique-2013.md")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
