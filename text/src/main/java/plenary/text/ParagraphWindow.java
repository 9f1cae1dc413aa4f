package plenary.text;

import java.util.List;

/**
 * Where two versions of a draft's paragraphs differ: the fold keeps every paragraph an event does not touch as the
 * same object, so whatever an event changed (edited, added, removed or moved) lies between a start and an end that
 * both versions share. Found by comparing references from both ends inwards, without hashing or walking any text:
 * {@code before[start, beforeEnd)} became {@code after[start, afterEnd)}, and the rest is the same objects in the
 * same order.
 */
public record ParagraphWindow(int start, int beforeEnd, int afterEnd) {

    public static ParagraphWindow between(List<Paragraph> before, List<Paragraph> after) {
        int start = 0;
        int shorter = Math.min(before.size(), after.size());
        while (start < shorter && before.get(start) == after.get(start)) {
            start++;
        }
        int b = before.size();
        int a = after.size();
        while (b > start && a > start && before.get(b - 1) == after.get(a - 1)) {
            b--;
            a--;
        }
        return new ParagraphWindow(start, b, a);
    }

    /** The paragraphs of {@code before} in the window: those the event may have changed, moved or removed. */
    public List<Paragraph> before(List<Paragraph> before) {
        return before.subList(start, beforeEnd);
    }

    /** The paragraphs of {@code after} in the window: those the event may have changed, moved or added. */
    public List<Paragraph> after(List<Paragraph> after) {
        return after.subList(start, afterEnd);
    }
}
