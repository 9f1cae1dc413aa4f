package plenary.query.drafting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import plenary.identity.Actor;
import plenary.query.live.LiveChannel;
import plenary.text.Document;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.ParagraphWindow;
import plenary.text.Participant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a live client receives for one event, and what {@code /events?after=N} answers for it too, kept in the
 * table {@code draft_event} (so that catching up is receiving live): enough to
 * update a client's copy without fetching the draft again, whatever the kind of event. That is the event, every
 * paragraph it changed, rendered; where it put paragraphs ({@code placed}: each new paragraph, and each whose
 * predecessor changed, with the one it now follows, null for the first); and the paragraphs it removed. Live, it is
 * lean: the event's payload, which no client needs to update its copy, is left out (null), and {@code /events}
 * answers it on request.
 */
record LiveChange(String draftId, long version, String type, Actor actor, Instant timestamp,
                  @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode payload, String status,
                  List<DraftView.ParagraphView> paragraphs, List<Placement> placed, List<String> removed)
        implements LiveChannel.Change {

    /** Paragraph {@code paragraphId} now follows paragraph {@code after} (null: it comes first). */
    record Placement(String paragraphId, String after) {
    }

    /** The change as live clients get it: without the payload. */
    LiveChange lean() {
        return new LiveChange(draftId, version, type, actor, timestamp, null, status, paragraphs, placed, removed);
    }

    @JsonIgnore
    @Override
    public String messageId() {
        return draftId + "." + version;
    }

    /**
     * The paragraphs of {@code after} that are new or differ from {@code before}, rendered; and those naming a
     * participant whose name or participation changed, since they read differently ("[Iran]" becomes "Iran"). Only
     * the paragraphs in the {@link ParagraphWindow} can differ: the fold keeps the others as they were.
     */
    static List<DraftView.ParagraphView> changedParagraphs(Document before, Document after) {
        Set<String> renamed = before == null ? Set.of() : after.participants().stream()
                .filter(p -> !before.participants().contains(p)).map(Participant::id).collect(Collectors.toSet());
        List<Paragraph> candidates = after.paragraphs();
        Map<String, Paragraph> old = Map.of();
        if (before != null) {
            ParagraphWindow window = ParagraphWindow.between(before.paragraphs(), after.paragraphs());
            old = window.before(before.paragraphs()).stream()
                    .collect(Collectors.toMap(Paragraph::id, Function.identity(), (a, b) -> a));
            if (renamed.isEmpty()) {
                candidates = window.after(after.paragraphs());
            } else {
                // a renamed participant: every paragraph naming it reads differently, wherever it stands
                Map<String, Paragraph> all = before.paragraphs().stream()
                        .collect(Collectors.toMap(Paragraph::id, Function.identity(), (a, b) -> a));
                old = all;
            }
        }
        Map<String, Paragraph> was = old;
        return candidates.stream()
                .filter(p -> !p.equals(was.get(p.id())) || (!renamed.isEmpty() && names(p.content(), renamed)))
                .map(p -> DraftView.paragraph(after, p))
                .toList();
    }

    private static boolean names(List<Inline> content, Set<String> participants) {
        for (Inline node : content) {
            boolean found = node instanceof Inline.ParticipantRef ref ? participants.contains(ref.participantId())
                    : node instanceof Inline.Emphasis e ? names(e.content(), participants)
                    : node instanceof Inline.Strong s ? names(s.content(), participants)
                    : node instanceof Inline.Bracket b
                    && b.alternatives().stream().anyMatch(a -> names(a.content(), participants));
            if (found) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each paragraph that is new, or whose predecessor is not the one it had, with the one it now follows. A
     * client that places them in this order, after removing {@link #removed}, has the paragraphs in document order:
     * an insertion places two, a move three, and an event that moves nothing places none. Only the window and the
     * paragraph right after it can have a new predecessor: before the window nothing changed, and after it each
     * paragraph follows the one it followed.
     */
    static List<Placement> placed(Document before, Document after) {
        if (before == null) {
            List<Placement> placed = new ArrayList<>();
            String previous = null;
            for (Paragraph p : after.paragraphs()) {
                placed.add(new Placement(p.id(), previous));
                previous = p.id();
            }
            return placed;
        }
        List<Paragraph> was = before.paragraphs();
        List<Paragraph> is = after.paragraphs();
        ParagraphWindow window = ParagraphWindow.between(was, is);
        Set<String> staying = new HashSet<>();
        window.after(is).forEach(p -> staying.add(p.id()));
        // each staying paragraph's predecessor among the paragraphs that stay, as it was
        Map<String, String> previously = new HashMap<>();
        String kept = window.start() == 0 ? null : was.get(window.start() - 1).id();
        for (Paragraph p : window.before(was)) {
            if (staying.contains(p.id())) {
                previously.put(p.id(), kept);
                kept = p.id();
            }
        }
        List<Placement> placed = new ArrayList<>();
        String previous = window.start() == 0 ? null : is.get(window.start() - 1).id();
        for (Paragraph p : window.after(is)) {
            if (!previously.containsKey(p.id()) || !Objects.equals(previously.get(p.id()), previous)) {
                placed.add(new Placement(p.id(), previous));
            }
            previous = p.id();
        }
        if (window.afterEnd() < is.size() && !Objects.equals(kept, previous)) {
            placed.add(new Placement(is.get(window.afterEnd()).id(), previous));
        }
        return placed;
    }

    /** The paragraphs of {@code before} that {@code after} no longer has: those in the window that left it. */
    static List<String> removed(Document before, Document after) {
        if (before == null) {
            return List.of();
        }
        ParagraphWindow window = ParagraphWindow.between(before.paragraphs(), after.paragraphs());
        Set<String> now = new HashSet<>();
        window.after(after.paragraphs()).forEach(p -> now.add(p.id()));
        return window.before(before.paragraphs()).stream().map(Paragraph::id).filter(id -> !now.contains(id)).toList();
    }
}
