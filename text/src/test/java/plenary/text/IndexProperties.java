package plenary.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Section;
import plenary.text.Inline.Alternative;
import plenary.text.Inline.Bracket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index the fold keeps beside a document's paragraphs ({@link Paragraphs}) answers what a walk of the whole text
 * answers: after every event of random negotiations, and after random edits of random paragraphs (brackets nested in
 * alternatives, emphasis and strong, ids moving between paragraphs, repeating).
 */
class IndexProperties {

    @Provide
    Arbitrary<List<Integer>> negotiations() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 300)
    void afterEveryEventTheIndexAgreesWithAWalk(@ForAll("negotiations") List<Integer> choices) {
        FoldProperties.Negotiation n = new FoldProperties.Negotiation(choices.get(0) % 2 == 0);
        agrees(n.doc);
        for (int choice : choices.subList(1, choices.size())) {
            n.next(choice);
            agrees(n.doc);
        }
        // a document that comes without its index (read back, replayed) builds it and answers the same
        agrees(Fold.replay(n.events));
        agrees(n.doc.withParagraphs(new ArrayList<>(n.doc.paragraphs())));
    }

    @Property(tries = 200)
    void theWindowHoldsWhateverAnEventChanged(@ForAll("negotiations") List<Integer> choices) {
        FoldProperties.Negotiation n = new FoldProperties.Negotiation(choices.get(0) % 2 == 0);
        for (int choice : choices.subList(1, choices.size())) {
            List<Paragraph> before = n.doc.paragraphs();
            n.next(choice);
            List<Paragraph> after = n.doc.paragraphs();
            ParagraphWindow window = ParagraphWindow.between(before, after);
            Set<Paragraph> was = Collections.newSetFromMap(new IdentityHashMap<>());
            was.addAll(before);
            Set<Paragraph> is = Collections.newSetFromMap(new IdentityHashMap<>());
            is.addAll(after);
            // every paragraph new to after, and every one gone from before, lies in the window
            after.stream().filter(p -> !was.contains(p)).forEach(p -> assertThat(window.after(after)).contains(p));
            before.stream().filter(p -> !is.contains(p)).forEach(p -> assertThat(window.before(before)).contains(p));
            // and outside it both are the same objects in the same order
            assertThat(before.subList(0, window.start())).containsExactlyElementsOf(after.subList(0, window.start()));
            assertThat(before.subList(window.beforeEnd(), before.size()))
                    .containsExactlyElementsOf(after.subList(window.afterEnd(), after.size()));
            for (int i = 0; i < window.start(); i++) {
                assertThat(after.get(i)).isSameAs(before.get(i));
            }
        }
    }

    @Provide
    Arbitrary<List<Long>> edits() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void afterRandomEditsTheIndexAgreesWithAWalk(@ForAll("edits") List<Long> choices) {
        Paragraphs list = Paragraphs.of(List.of());
        int made = 0;
        for (long choice : choices) {
            FoldProperties.Pick pick = new FoldProperties.Pick((int) (choice % Integer.MAX_VALUE));
            int kind = pick.kind(5);
            if (choice % 7 == 0) {
                agrees(list); // sometimes the index is built here, sometimes handed on from further back
            }
            made++;
            if (list.isEmpty() || kind <= 1) {
                list = list.inserting(draw(choice, list.size() + 1), paragraph(pick, made, list));
            } else if (kind == 2) {
                int at = draw(choice, list.size());
                Paragraph changed = paragraph(pick, made, list);
                // mostly the same paragraph with new content, as the fold does; sometimes another id altogether
                list = list.replacing(at, pick.flag() ? list.get(at).withContent(changed.content()) : changed);
            } else if (kind == 3) {
                list = list.removing(draw(choice, list.size()));
            } else {
                int from = draw(choice, list.size());
                list = list.moving(from, draw(choice / 7, list.size()));
            }
            assertThat(list).isEqualTo(new ArrayList<>(list));
            agrees(list);
        }
    }

    // ---------------------------------------------------------------- what a walk says

    private static void agrees(Document doc) {
        agrees(doc.indexed());
        for (Paragraph p : doc.paragraphs()) {
            for (Bracket b : Brackets.all(p.content())) {
                assertThat(doc.locateBracket(b.id())).as("bracket %s", b.id()).isEqualTo(walk(doc, b.id()));
            }
            assertThat(doc.paragraph(p.id())).isEqualTo(doc.paragraphs().stream()
                    .filter(q -> q.id().equals(p.id())).findFirst());
        }
        assertThat(doc.locateBracket("nowhere")).isEmpty();
        assertThat(doc.paragraph("nowhere")).isEmpty();
    }

    private static void agrees(Paragraphs list) {
        Map<String, String> firstHolder = new LinkedHashMap<>();
        Map<String, String> holders = new HashMap<>();
        boolean repeated = false;
        for (Paragraph p : list) {
            for (String id : Paragraphs.bracketIds(p.content())) {
                firstHolder.putIfAbsent(id, p.id());
                String was = holders.put(id, p.id());
                repeated |= was != null && !was.equals(p.id());
            }
        }
        for (Map.Entry<String, String> e : firstHolder.entrySet()) {
            Paragraph walked = list.stream().filter(p -> Brackets.find(p.content(), e.getKey()).isPresent())
                    .findFirst().orElseThrow();
            assertThat(list.holding(e.getKey())).as("the paragraph holding %s", e.getKey()).isSameAs(walked);
        }
        if (repeated) {
            assertThat(list.bracketIndex()).as("an index that knows some id stands twice").isNull();
        } else if (list.bracketIndex() != null) {
            assertThat(list.bracketIndex()).isEqualTo(firstHolder);
        }
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i).id();
            int expected = indexOf(list, id);
            assertThat(list.position(id)).as("where %s stands", id).isEqualTo(expected);
            assertThat(list.byId(id)).isSameAs(list.get(expected));
        }
        assertThat(list.holding("nowhere")).isNull();
        assertThat(list.position("nowhere")).isEqualTo(-1);
    }

    private static int indexOf(List<Paragraph> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Document.Located> walk(Document doc, String bracketId) {
        for (Paragraph p : doc.paragraphs()) {
            Optional<Bracket> found = Brackets.find(p.content(), bracketId);
            if (found.isPresent()) {
                return Optional.of(new Document.Located(p, found.get()));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- random paragraphs

    /**
     * A paragraph with up to three brackets, nested in each other, in emphasis and in strong. Ids come from a small
     * pool, so that they move between paragraphs and now and then stand in two at once, and the paragraph ids
     * repeat now and then too.
     */
    private static Paragraph paragraph(FoldProperties.Pick pick, int made, List<Paragraph> list) {
        String id = !list.isEmpty() && pick.kind(9) == 0 ? pick.one(list).id() : "p" + made;
        List<Inline> content = new ArrayList<>();
        int brackets = pick.kind(3);
        for (int i = 0; i < brackets; i++) {
            content.add(new Inline.Text("words " + i + " "));
            content.add(wrapped(pick, bracket(pick, 2)));
        }
        return new Paragraph(id, pick.flag() ? Section.PREAMBLE : Section.OPERATIVE, null, ParagraphStatus.PENDING,
                content);
    }

    private static Inline bracket(FoldProperties.Pick pick, int depth) {
        List<Inline> inner = new ArrayList<>(List.of(new Inline.Text("inner")));
        if (depth > 0 && pick.flag()) {
            inner.add(wrapped(pick, bracket(pick, depth - 1)));
        }
        return new Bracket("b" + pick.kind(40), null, List.of(new Alternative("a1", null, List.of(new Inline.Text("x"))),
                new Alternative("a2", null, inner)));
    }

    private static Inline wrapped(FoldProperties.Pick pick, Inline node) {
        return switch (pick.kind(3)) {
            case 0 -> new Inline.Emphasis(List.of(node));
            case 1 -> new Inline.Strong(List.of(new Inline.Text("s"), node));
            default -> node;
        };
    }

    private static int draw(long choice, int n) {
        return (int) (Math.floorMod(choice * 2654435761L, n));
    }
}
