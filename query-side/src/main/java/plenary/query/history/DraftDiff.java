package plenary.query.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import plenary.query.drafting.DraftDocuments;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.Paragraph;
import plenary.text.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two states of a draft: paragraph by paragraph (matched by their ids, so a paragraph keeps
 * its identity when its words or its number change), and word by word inside a paragraph. Both comparisons are
 * java-diff-utils' Myers diff. Each change names the event that made it where exactly one event explains it,
 * found by following the events between the two states (see {@link Blame}).
 */
record DraftDiff(String draftId, End from, End to, List<ParagraphChange> paragraphs) {

    record End(long version, DraftStatus status) {
    }

    enum Change { ADDED, DELETED, CHANGED, UNCHANGED }

    enum Op { EQUAL, DELETE, INSERT }

    record Segment(Op op, String text, Blame.By by) {
    }

    /** {@code changedBy}: every event between the two states that changed this paragraph. */
    record ParagraphChange(String paragraphId, String paragraph, Change change, String before, String after,
                           List<Blame.By> changedBy, List<Segment> segments) {
    }

    static DraftDiff between(DraftDocuments documents, Document from, Document to) {
        Map<String, Blame> followed = new HashMap<>();
        Map<String, List<Blame.By>> changedBy = new HashMap<>();
        documents.replay(from, to.version(), step -> {
            Blame.By by = new Blame.By(step.version(), step.actor());
            for (String id : Touched.paragraphs(step.before(), step.after())) {
                Blame words = followed.computeIfAbsent(id, p -> new Blame(text(step.before(), p)));
                words.changedTo(text(step.after(), id), by);
                changedBy.computeIfAbsent(id, p -> new ArrayList<>()).add(by);
            }
        });
        List<ParagraphChange> paragraphs = new ArrayList<>();
        for (Map.Entry<String, Change> p : inOrder(from, to).entrySet()) {
            String id = p.getKey();
            Blame blame = followed.get(id);
            paragraphs.add(new ParagraphChange(id, Touched.label(id, to, from), p.getValue(), text(from, id),
                    text(to, id), changedBy.getOrDefault(id, List.of()),
                    p.getValue() == Change.UNCHANGED || blame == null ? List.of() : segments(blame)));
        }
        return new DraftDiff(from.draftId(), new End(from.version(), from.status()),
                new End(to.version(), to.status()), paragraphs);
    }

    /** The same comparison without the paragraphs that read the same at both ends. */
    DraftDiff changesOnly() {
        return new DraftDiff(draftId, from, to,
                paragraphs.stream().filter(p -> p.change() != Change.UNCHANGED).toList());
    }

    /** Every paragraph of either state in reading order: the later text's, with removed ones where they stood. */
    private static Map<String, Change> inOrder(Document from, Document to) {
        List<String> before = from.paragraphs().stream().map(Paragraph::id).toList();
        List<String> after = to.paragraphs().stream().map(Paragraph::id).toList();
        Map<String, Change> order = new LinkedHashMap<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            after.subList(at, delta.getTarget().getPosition()).forEach(id -> order.put(id, null));
            delta.getSource().getLines().forEach(id -> order.put(id, Change.DELETED));
            delta.getTarget().getLines().forEach(id -> order.put(id, Change.ADDED));
            at = delta.getTarget().last() + 1;
        }
        after.subList(at, after.size()).forEach(id -> order.put(id, null));
        // a paragraph in both (one that moved shows up as removed and added) is one paragraph, changed or not
        Map<String, Paragraph> was = new HashMap<>();
        from.paragraphs().forEach(p -> was.put(p.id(), p));
        for (Paragraph p : to.paragraphs()) {
            Paragraph old = was.get(p.id());
            if (old != null) {
                order.put(p.id(), reads(from, old).equals(reads(to, p)) ? Change.UNCHANGED : Change.CHANGED);
            }
        }
        return order;
    }

    /** What a reader sees of a paragraph: its number, status and text. */
    private static List<Object> reads(Document doc, Paragraph p) {
        return Arrays.asList(p.number(), p.status(), MarkdownRenderer.inline(doc, p.content()));
    }

    /** The starting words against the final ones, each difference with the one event that explains it, if any. */
    private static List<Segment> segments(Blame blame) {
        List<String> start = blame.start();
        List<String> end = blame.current();
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(start, end).getDeltas()) {
            add(segments, Op.EQUAL, start.subList(at, delta.getSource().getPosition()), null);
            int source = delta.getSource().getPosition();
            int target = delta.getTarget().getPosition();
            if (delta.getType() != DeltaType.INSERT) {
                add(segments, Op.DELETE, delta.getSource().getLines(),
                        blame.removed(source, source + delta.getSource().size()));
            }
            if (delta.getType() != DeltaType.DELETE) {
                add(segments, Op.INSERT, delta.getTarget().getLines(),
                        blame.written(target, target + delta.getTarget().size()));
            }
            at = delta.getSource().last() + 1;
        }
        add(segments, Op.EQUAL, start.subList(at, start.size()), null);
        return segments;
    }

    private static void add(List<Segment> segments, Op op, List<String> words, Blame.By by) {
        if (!words.isEmpty()) {
            segments.add(new Segment(op, String.join("", words), by));
        }
    }

    /** A paragraph's text as {@code GET /api/drafts/{d}} shows it, or null where the document does not have it. */
    private static String text(Document doc, String paragraphId) {
        return doc == null ? null : doc.paragraph(paragraphId)
                .map(p -> MarkdownRenderer.inline(doc, p.content())).orElse(null);
    }
}
