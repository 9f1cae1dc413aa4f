package plenary.text;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * A document's paragraphs in order, with the index the fold keeps beside them: where each paragraph stands, and
 * which paragraph holds each bracket, nested ones too. An edit of one paragraph derives the next index from this
 * one, looking only at that paragraph, so that neither a command's rules nor the fold walk the whole text to find
 * a paragraph or a bracket. Immutable, and equal to any list of the same paragraphs in the same order.
 * <p>
 * Each index is built on first use and then handed on by every edit. Ids are unique in a draft; should a text
 * hold a bracket id twice, the index says so and the lookups walk the text, so that they answer what a walk would.
 */
public final class Paragraphs extends AbstractList<Paragraph> implements RandomAccess {

    private static final Paragraphs EMPTY = new Paragraphs(new Paragraph[0]);

    private final Paragraph[] items;
    /** Paragraph id to its position (the first, should an id repeat); null until first asked. */
    private volatile IdMap<Integer> positions;
    /** Bracket id to the id of the paragraph holding it; null until first asked. */
    private volatile BracketIndex brackets;

    /** The bracket index, and whether some bracket id stands in two paragraphs (then a walk answers). */
    private record BracketIndex(IdMap<String> holders, boolean repeated) {
        static final BracketIndex EMPTY = new BracketIndex(IdMap.empty(), false);
    }

    private Paragraphs(Paragraph[] items) {
        this.items = items;
    }

    /** These paragraphs, indexed: the same list if it is one already. */
    public static Paragraphs of(List<Paragraph> paragraphs) {
        if (paragraphs instanceof Paragraphs indexed) {
            return indexed;
        }
        if (paragraphs.isEmpty()) {
            return EMPTY;
        }
        Paragraph[] items = paragraphs.toArray(new Paragraph[0]);
        for (Paragraph p : items) {
            Objects.requireNonNull(p, "a paragraph");
        }
        return new Paragraphs(items);
    }

    @Override
    public Paragraph get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Where paragraph {@code paragraphId} stands, or -1. */
    public int position(String paragraphId) {
        Integer at = positions().get(paragraphId);
        return at == null ? -1 : at;
    }

    /** Paragraph {@code paragraphId}, or null. */
    public Paragraph byId(String paragraphId) {
        int at = position(paragraphId);
        return at < 0 ? null : items[at];
    }

    /** The first paragraph, in order, that holds bracket {@code bracketId} at any depth; or null. */
    public Paragraph holding(String bracketId) {
        BracketIndex index = brackets();
        if (!index.repeated()) {
            String paragraphId = index.holders().get(bracketId);
            Paragraph p = paragraphId == null ? null : byId(paragraphId);
            if (p == null || Brackets.find(p.content(), bracketId).isPresent()) {
                return p;
            }
            // a paragraph id that repeats: the walk below finds the right one
        }
        for (Paragraph p : items) {
            if (Brackets.find(p.content(), bracketId).isPresent()) {
                return p;
            }
        }
        return null;
    }

    // ---- edits: each derives the next list's index from this one's, where this one has it

    /** Paragraph {@code index} replaced by {@code changed}. */
    public Paragraphs replacing(int index, Paragraph changed) {
        Objects.requireNonNull(changed, "a paragraph");
        Paragraph[] next = items.clone();
        Paragraph was = next[index];
        next[index] = changed;
        Paragraphs derived = new Paragraphs(next);
        IdMap<Integer> at = positions;
        if (at != null && was.id().equals(changed.id())) {
            derived.positions = at;
        }
        derived.brackets = handOn(List.of(was), List.of(changed));
        return derived;
    }

    /** {@code added} inserted at {@code index}. */
    public Paragraphs inserting(int index, Paragraph added) {
        Objects.requireNonNull(added, "a paragraph");
        Paragraph[] next = new Paragraph[items.length + 1];
        System.arraycopy(items, 0, next, 0, index);
        next[index] = added;
        System.arraycopy(items, index, next, index + 1, items.length - index);
        Paragraphs derived = new Paragraphs(next);
        IdMap<Integer> at = positions;
        if (at != null && index == items.length && at.get(added.id()) == null) {
            // at the end, where new paragraphs mostly go: the others stay where they were
            IdMap.Editor<Integer> more = at.edit();
            more.put(added.id(), index);
            derived.positions = more.done();
        }
        derived.brackets = handOn(List.of(), List.of(added));
        return derived;
    }

    /** Paragraph {@code index} taken out. */
    public Paragraphs removing(int index) {
        Paragraph[] next = new Paragraph[items.length - 1];
        System.arraycopy(items, 0, next, 0, index);
        System.arraycopy(items, index + 1, next, index, items.length - index - 1);
        Paragraphs derived = new Paragraphs(next);
        derived.brackets = handOn(List.of(items[index]), List.of());
        return derived;
    }

    /** Paragraph {@code from} moved to stand at {@code to} of the list without it. */
    public Paragraphs moving(int from, int to) {
        Paragraph moving = items[from];
        List<Paragraph> without = new ArrayList<>(Arrays.asList(items));
        without.remove(from);
        without.add(to, moving);
        Paragraphs derived = new Paragraphs(without.toArray(new Paragraph[0]));
        derived.brackets = brackets; // the same paragraphs hold the same brackets
        return derived;
    }

    // ---- the indexes

    private IdMap<Integer> positions() {
        IdMap<Integer> at = positions;
        if (at == null) {
            IdMap.Editor<Integer> built = IdMap.<Integer>empty().edit();
            for (int i = 0; i < items.length; i++) {
                if (built.get(items[i].id()) == null) {
                    built.put(items[i].id(), i);
                }
            }
            at = built.done();
            positions = at;
        }
        return at;
    }

    private BracketIndex brackets() {
        BracketIndex index = brackets;
        if (index == null) {
            index = handOn(BracketIndex.EMPTY, List.of(), Arrays.asList(items));
            brackets = index;
        }
        return index;
    }

    /** The bracket index after {@code removed} gave way to {@code added}; null if this list has none yet. */
    private BracketIndex handOn(List<Paragraph> removed, List<Paragraph> added) {
        BracketIndex index = brackets;
        return index == null ? null : handOn(index, removed, added);
    }

    private static BracketIndex handOn(BracketIndex index, List<Paragraph> removed, List<Paragraph> added) {
        if (index.repeated()) {
            return index;
        }
        IdMap.Editor<String> holders = index.holders().edit();
        Map<String, String> gone = new HashMap<>();
        for (Paragraph p : removed) {
            for (String id : bracketIds(p.content())) {
                gone.put(id, p.id());
            }
        }
        Map<String, String> come = new HashMap<>();
        boolean repeated = false;
        for (Paragraph p : added) {
            for (String id : bracketIds(p.content())) {
                repeated |= come.put(id, p.id()) != null; // held by an earlier paragraph too
            }
        }
        for (Map.Entry<String, String> e : gone.entrySet()) {
            if (!e.getValue().equals(come.get(e.getKey()))) {
                holders.remove(e.getKey());
            }
        }
        for (Map.Entry<String, String> e : come.entrySet()) {
            if (e.getValue().equals(gone.get(e.getKey()))) {
                continue; // stays where it was
            }
            repeated |= holders.get(e.getKey()) != null; // held by a paragraph that stays
            holders.put(e.getKey(), e.getValue());
        }
        return new BracketIndex(holders.done(), repeated);
    }

    /** The ids of every bracket in {@code content}, nested ones too. */
    static Set<String> bracketIds(List<Inline> content) {
        Set<String> ids = new LinkedHashSet<>();
        collect(content, ids);
        return ids;
    }

    private static void collect(List<Inline> content, Set<String> ids) {
        for (Inline node : content) {
            if (node instanceof Inline.Bracket b) {
                ids.add(b.id());
                for (Inline.Alternative a : b.alternatives()) {
                    collect(a.content(), ids);
                }
            } else if (node instanceof Inline.Emphasis e) {
                collect(e.content(), ids);
            } else if (node instanceof Inline.Strong s) {
                collect(s.content(), ids);
            }
        }
    }

    /**
     * The bracket index as a map, for tests that hold it against a walk; null once some id stood in two paragraphs
     * (the index then leaves every lookup to a walk, for as long as this list's descendants live).
     */
    Map<String, String> bracketIndex() {
        BracketIndex index = brackets();
        return index.repeated() ? null : index.holders().toMap();
    }
}
