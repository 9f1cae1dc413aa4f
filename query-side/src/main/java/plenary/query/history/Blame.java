package plenary.query.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import plenary.identity.Actor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One paragraph's words, followed through the events between two versions: each word remembers the event that
 * wrote it, and each word of the starting text the event that took it out. So a difference found between the
 * two ends can name who made it, when a single event explains it.
 */
final class Blame {

    /** An event that changed the paragraph. */
    record By(long version, Actor actor) {
    }

    /** A word (or space, or mark) as it stands; {@code origin} is its place in the starting text, or -1. */
    private record Word(String text, int origin, By writtenBy) {
    }

    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]+|\\s+|.", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<String> start;
    private final By[] removedBy;
    private List<Word> words;

    Blame(String startText) {
        this.start = tokens(startText);
        this.removedBy = new By[start.size()];
        this.words = new ArrayList<>();
        for (int i = 0; i < start.size(); i++) {
            words.add(new Word(start.get(i), i, null));
        }
    }

    /** The words, spaces and marks a diff compares: "[manage borders]" is "[", "manage", " ", "borders", "]". */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher m = WORDS.matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }
        return tokens;
    }

    List<String> start() {
        return start;
    }

    List<String> current() {
        return words.stream().map(Word::text).toList();
    }

    /** The paragraph now reads {@code text}, by the doing of {@code by}. */
    void changedTo(String text, By by) {
        List<String> next = tokens(text);
        List<Word> updated = new ArrayList<>(next.size());
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(current(), next).getDeltas()) {
            updated.addAll(words.subList(at, delta.getSource().getPosition()));
            for (int i = 0; i < delta.getSource().size(); i++) {
                Word removed = words.get(delta.getSource().getPosition() + i);
                if (removed.origin() >= 0) {
                    removedBy[removed.origin()] = by;
                }
            }
            delta.getTarget().getLines().forEach(word -> updated.add(new Word(word, -1, by)));
            at = delta.getSource().last() + 1;
        }
        updated.addAll(words.subList(at, words.size()));
        words = updated;
    }

    /** The one event that removed all of the starting words from {@code from} (inclusive) to {@code to}, or null. */
    By removed(int from, int to) {
        return single(Arrays.asList(removedBy).subList(from, to));
    }

    /** The one event that wrote all of the current words from {@code from} (inclusive) to {@code to}, or null. */
    By written(int from, int to) {
        return single(words.subList(from, to).stream().map(Word::writtenBy).toList());
    }

    private static By single(List<By> all) {
        By first = all.isEmpty() ? null : all.get(0);
        return first != null && all.stream().allMatch(first::equals) ? first : null;
    }
}
