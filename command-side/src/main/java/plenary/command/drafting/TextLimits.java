package plenary.command.drafting;

import plenary.command.input.Limits;
import plenary.text.Document;
import plenary.text.Footnote;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.ParagraphWindow;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The limits a draft's text keeps ({@link Limits}), checked on the document that a new event would make, before the
 * event is recorded: whatever the command (a proposal, a bracket, an import, a chair's revision), no paragraph grows
 * past its length, its brackets' depth or their number of alternatives, and the draft past its number of
 * paragraphs. Only what the event changed is measured, so a text recorded under older limits still takes commands.
 */
final class TextLimits {

    static void check(Document before, Document after, Limits limits) {
        int paragraphs = after.paragraphs().size();
        if (paragraphs > limits.paragraphs() && paragraphs > (before == null ? 0 : before.paragraphs().size())) {
            throw refused("the draft would hold " + paragraphs + " paragraphs; a draft holds at most "
                    + limits.paragraphs(), "paragraphs", limits.paragraphs());
        }
        // only the paragraphs between what both versions share can have changed: the fold keeps the others
        List<Paragraph> changed = after.paragraphs();
        Set<Object> unchanged = Collections.newSetFromMap(new IdentityHashMap<>());
        if (before != null) {
            ParagraphWindow window = ParagraphWindow.between(before.paragraphs(), after.paragraphs());
            changed = window.after(after.paragraphs());
            unchanged.addAll(window.before(before.paragraphs()));
            unchanged.addAll(before.footnotes());
        }
        for (Paragraph p : changed) {
            if (!unchanged.contains(p)) {
                measure("paragraph " + (p.number() == null || p.number().isBlank() ? p.id() : p.number()),
                        p.content(), limits);
            }
        }
        for (Footnote f : after.footnotes()) {
            if (!unchanged.contains(f)) {
                measure("footnote " + f.label(), f.content(), limits);
            }
        }
    }

    private static void measure(String where, List<Inline> content, Limits limits) {
        Size size = new Size();
        size.add(content, 0, limits);
        if (size.characters > limits.paragraph()) {
            throw refused(where + " would hold " + size.characters + " characters, its alternatives included; a "
                    + "paragraph holds at most " + limits.paragraph(), "paragraph", limits.paragraph());
        }
        if (size.depth > limits.depth()) {
            throw refused(where + " would nest brackets " + size.depth + " deep; at most " + limits.depth(),
                    "depth", limits.depth());
        }
        if (size.alternatives > limits.alternatives()) {
            throw refused(where + " would hold a bracket of " + size.alternatives + " alternatives; a bracket holds "
                    + "at most " + limits.alternatives(), "alternatives", limits.alternatives());
        }
    }

    private static Refusal.Invalid refused(String message, String limit, int allowed) {
        return new Refusal.Invalid(message + " (plenary.limits." + limit + ")", Map.of("limit", limit,
                "allowed", allowed));
    }

    /** Characters, the deepest bracket and the most alternatives of one paragraph's content. */
    private static final class Size {
        long characters;
        int depth;
        int alternatives;

        void add(List<Inline> content, int level, Limits limits) {
            for (Inline inline : content) {
                if (inline instanceof Inline.Text text) {
                    characters += text.text().length();
                } else if (inline instanceof Inline.Verbatim verbatim) {
                    characters += verbatim.text().length();
                } else if (inline instanceof Inline.Escaped escaped) {
                    characters += escaped.character().length();
                } else if (inline instanceof Inline.Emphasis emphasis) {
                    add(emphasis.content(), level, limits);
                } else if (inline instanceof Inline.Strong strong) {
                    add(strong.content(), level, limits);
                } else if (inline instanceof Inline.Bracket bracket) {
                    depth = Math.max(depth, level + 1);
                    alternatives = Math.max(alternatives, bracket.alternatives().size());
                    if (depth > limits.depth()) {
                        return; // deep enough to refuse; no need to walk the rest
                    }
                    for (Inline.Alternative alternative : bracket.alternatives()) {
                        add(alternative.content(), level + 1, limits);
                    }
                } else {
                    characters += 1;
                }
            }
        }
    }

    private TextLimits() {
    }
}
