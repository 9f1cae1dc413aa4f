package plenary.text.revision;

import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.draft.DraftRevisedFromText;
import plenary.identity.Actor;
import plenary.text.Brackets;
import plenary.text.Document;
import plenary.text.EventText;
import plenary.text.Footnote;
import plenary.text.Header;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.Participant;
import plenary.text.PlainText;
import plenary.text.QuoteProblem;
import plenary.text.Quotes;
import plenary.text.markdown.MarkdownRenderer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between a draft and a chair's new text of it. A paragraph keeps its identity when the new text has
 * it unchanged (wherever it moved), or edited: at the same number and still alike, or, renumbered, clearly alike.
 * Within an edited paragraph, a bracket written exactly as before keeps its id and who raised it. Everything else
 * is new, and what the new text no longer has is removed. {@link plenary.text.TextRevision} applies the result.
 */
public final class Differences {

    /** How alike two paragraphs' words must be to be one paragraph edited: at the same number, and elsewhere. */
    private static final double SAME_NUMBER = 0.3;
    private static final double ELSEWHERE = 0.5;
    /** How far (in paragraphs) a renumbered paragraph is looked for, which keeps long texts fast. */
    private static final int WINDOW = 60;

    /** The event recording the differences, or nothing when the new text says what the draft says. */
    public static Optional<DraftRevisedFromText> between(Document current, Document proposed, Actor actor) {
        return new Matcher(current, proposed).event(actor);
    }

    private static final class Matcher {
        private final Document current;
        private final Document proposed;
        private final List<Participant> participants = new ArrayList<>();
        private final List<Participant> added = new ArrayList<>();
        private final Map<String, String> participantIds = new HashMap<>();

        Matcher(Document current, Document proposed) {
            this.current = current;
            participants.addAll(current.participants());
            for (Participant p : proposed.participants()) {
                Optional<Participant> known = current.participants().stream()
                        .filter(c -> c.name().equalsIgnoreCase(p.name())).findFirst();
                participantIds.put(p.id(), known.map(Participant::id).orElse(p.id()));
                if (known.isEmpty()) {
                    added.add(p);
                    participants.add(p);
                }
            }
            this.proposed = linkConfirmed(proposed.paragraphs().stream()
                    .map(p -> p.withContent(remap(p.content()))).toList(), proposed);
        }

        /** The new text names admitted delegations plainly: link those names to their participants, as admitting did. */
        private Document linkConfirmed(List<Paragraph> paragraphs, Document proposed) {
            List<Paragraph> linked = new ArrayList<>(paragraphs);
            for (int i = 0; i < linked.size(); i++) {
                if (linked.get(i).section() == Section.PREAMBLE && linked.get(i).topLevel()) {
                    List<Inline> content = linked.get(i).content();
                    for (Participant p : current.participants()) {
                        if (p.participation() == Participation.CONFIRMED) {
                            try {
                                content = new Quotes(new PlainText(participants)).wrap(content, p.name(), 1,
                                        words -> new Inline.ParticipantRef(p.id()));
                            } catch (QuoteProblem notNamedThere) {
                                // the opening paragraph does not name this delegation
                            }
                        }
                    }
                    linked.set(i, linked.get(i).withContent(content));
                    break;
                }
            }
            return current.withHeader(proposed.header()).withParticipants(participants).withParagraphs(linked)
                    .withChapeau(remap(proposed.chapeau())).withFootnotes(proposed.footnotes()).withFootnotesAfter(null);
        }

        private List<Inline> remap(List<Inline> content) {
            List<Inline> out = new ArrayList<>();
            for (Inline node : content) {
                if (node instanceof Inline.ParticipantRef ref) {
                    out.add(new Inline.ParticipantRef(participantIds.getOrDefault(ref.participantId(), ref.participantId())));
                } else {
                    out.add(node);
                }
            }
            return out;
        }

        Optional<DraftRevisedFromText> event(Actor actor) {
            List<Paragraph> olds = current.paragraphs();
            List<Paragraph> news = proposed.paragraphs();
            String[] matchOf = new String[news.size()];
            Set<String> taken = new HashSet<>();

            Map<String, Deque<Paragraph>> exact = new HashMap<>();
            olds.forEach(o -> exact.computeIfAbsent(key(current, o), k -> new ArrayDeque<>()).add(o));
            for (int j = 0; j < news.size(); j++) {
                Deque<Paragraph> same = exact.get(key(proposed, news.get(j)));
                if (same != null && !same.isEmpty()) {
                    matchOf[j] = same.poll().id();
                    taken.add(matchOf[j]);
                }
            }
            Map<String, Set<String>> words = new HashMap<>();
            for (int j = 0; j < news.size(); j++) {
                if (matchOf[j] == null) {
                    matchOf[j] = edited(olds, news.get(j), j, taken, words);
                }
            }

            List<Paragraph> changed = new ArrayList<>();
            List<String> order = new ArrayList<>();
            Map<String, String> finalIds = new HashMap<>();
            for (int j = 0; j < news.size(); j++) {
                Paragraph n = news.get(j);
                Paragraph o = matchOf[j] == null ? null : current.paragraph(matchOf[j]).orElseThrow();
                Paragraph result = o == null ? n : new Paragraph(o.id(), n.section(), n.number(), o.status(),
                        keepBrackets(o.content(), n.content()), n.layout());
                if (!result.equals(o)) {
                    changed.add(result);
                }
                order.add(result.id());
                finalIds.put(n.id(), result.id());
            }
            List<String> removed = olds.stream().map(Paragraph::id).filter(id -> !taken.contains(id)).toList();
            List<Footnote> footnotes = proposed.footnotes().stream()
                    .map(f -> new Footnote(f.label(), keepBrackets(current.footnotes().stream()
                            .filter(o -> o.label().equals(f.label())).findFirst().map(Footnote::content)
                            .orElse(List.of()), remap(f.content())), f.style(),
                            f.after() == null ? null : finalIds.get(f.after()), f.ruled()))
                    .toList();
            Header header = header(current, proposed.header());
            boolean same = changed.isEmpty() && removed.isEmpty() && added.isEmpty()
                    && order.equals(olds.stream().map(Paragraph::id).toList())
                    && header.equals(current.header())
                    && render(current, current.chapeau()).equals(render(proposed, proposed.chapeau()))
                    && footnotes.equals(current.footnotes());
            return same ? Optional.empty() : Optional.of(new DraftRevisedFromText(current.draftId(),
                    EventText.recorded(header), EventText.wording(proposed.chapeau()),
                    added.stream().map(EventText::recorded).toList(),
                    changed.stream().map(EventText::recorded).toList(), removed, order,
                    footnotes.stream().map(EventText::recorded).toList(), actor));
        }

        /** The paragraph of the draft that {@code n} is an edit of, if any. */
        private String edited(List<Paragraph> olds, Paragraph n, int position, Set<String> taken,
                              Map<String, Set<String>> words) {
            Set<String> mine = words(proposed, n);
            String best = null;
            double bestScore = 0;
            for (int i = Math.max(0, position - WINDOW); i < Math.min(olds.size(), position + WINDOW); i++) {
                Paragraph o = olds.get(i);
                if (taken.contains(o.id()) || o.section() != n.section() || o.heading() != n.heading()) {
                    continue;
                }
                double score = dice(mine, words.computeIfAbsent(o.id(), id -> words(current, o)));
                boolean sameNumber = n.number() != null && n.number().equals(o.number());
                if (score >= (sameNumber ? SAME_NUMBER : ELSEWHERE) && score + (sameNumber ? 1 : 0) > bestScore) {
                    best = o.id();
                    bestScore = score + (sameNumber ? 1 : 0);
                }
            }
            if (best != null) {
                taken.add(best);
            }
            return best;
        }

        /** Brackets written exactly as before keep their ids and who raised and proposed them. */
        private List<Inline> keepBrackets(List<Inline> before, List<Inline> after) {
            Map<String, Deque<Inline.Bracket>> pool = new LinkedHashMap<>();
            Brackets.all(before).forEach(b -> pool.computeIfAbsent(render(current, List.of(b)), k -> new ArrayDeque<>())
                    .add(b));
            return keep(after, pool);
        }

        private List<Inline> keep(List<Inline> content, Map<String, Deque<Inline.Bracket>> pool) {
            List<Inline> out = new ArrayList<>();
            for (Inline node : content) {
                if (node instanceof Inline.Bracket b) {
                    Deque<Inline.Bracket> same = pool.get(render(proposed, List.of(b)));
                    out.add(same != null && !same.isEmpty() ? same.poll() : new Inline.Bracket(b.id(), b.raisedBy(),
                            b.alternatives().stream().map(a -> new Inline.Alternative(a.id(), a.proposedBy(),
                                    keep(a.content(), pool))).toList()));
                } else if (node instanceof Inline.Emphasis e) {
                    out.add(new Inline.Emphasis(keep(e.content(), pool)));
                } else if (node instanceof Inline.Strong s) {
                    out.add(new Inline.Strong(keep(s.content(), pool)));
                } else {
                    out.add(node);
                }
            }
            return out;
        }

        private static String key(Document doc, Paragraph p) {
            return p.section() + "|" + p.number() + "|" + p.layout() + "|" + render(doc, p.content());
        }

        private static String render(Document doc, List<Inline> content) {
            return MarkdownRenderer.inline(doc, content);
        }

        private static Set<String> words(Document doc, Paragraph p) {
            return Arrays.stream(new PlainText(doc.participants()).of(p.content()).toLowerCase(Locale.ROOT)
                    .split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
        }

        private static double dice(Set<String> a, Set<String> b) {
            if (a.isEmpty() && b.isEmpty()) {
                return 1;
            }
            long common = a.stream().filter(b::contains).count();
            return 2.0 * common / (a.size() + b.size());
        }

        /**
         * A header line the new text leaves out keeps its value: a chair may send the body alone. A status line
         * that only repeats what the draft's status prints is no change either.
         */
        private static Header header(Document current, Header now) {
            Header was = current.header();
            String status = MarkdownRenderer.statusLine(current).equals(now.statusLine()) ? was.statusLine()
                    : or(now.statusLine(), was.statusLine());
            Header.Written n = now.written() == null ? new Header.Written(null, null, null) : now.written();
            Header.Written w = was.written() == null ? new Header.Written(null, null, null) : was.written();
            Header.Written written = new Header.Written(now.title() != null ? n.title() : w.title(),
                    now.venue() != null ? n.venue() : w.venue(), now.kind() != null ? n.kind() : w.kind());
            return new Header(or(now.reference(), was.reference()), or(now.date(), was.date()), status,
                    or(now.title(), was.title()), or(now.venue(), was.venue()), or(now.kind(), was.kind()),
                    null, written.equals(new Header.Written(null, null, null)) ? null : written);
        }

        private static String or(String now, String was) {
            return now != null ? now : was;
        }
    }

    private Differences() {
    }
}
