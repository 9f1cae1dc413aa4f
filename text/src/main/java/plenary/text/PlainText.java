package plenary.text;

import plenary.drafting.Participation;

import java.util.List;

/**
 * The words of inline content as a reader sees them, without markup: what a delegation quotes when it brackets.
 * Brackets keep their square brackets; a pending participant reads "[name]".
 */
public final class PlainText {

    private final List<Participant> participants;

    public PlainText(List<Participant> participants) {
        this.participants = participants;
    }

    public String of(List<Inline> content) {
        StringBuilder sb = new StringBuilder();
        content.forEach(node -> sb.append(of(node)));
        return sb.toString();
    }

    public String of(Inline node) {
        if (node instanceof Inline.Text t) {
            return t.text();
        } else if (node instanceof Inline.Emphasis e) {
            return of(e.content());
        } else if (node instanceof Inline.Strong s) {
            return of(s.content());
        } else if (node instanceof Inline.LineBreak) {
            return " ";
        } else if (node instanceof Inline.FootnoteRef) {
            return "";
        } else if (node instanceof Inline.Bracket b) {
            StringBuilder sb = new StringBuilder();
            b.alternatives().forEach(a -> sb.append('[').append(of(a.content())).append(']'));
            return sb.toString();
        } else if (node instanceof Inline.Verbatim v) {
            return v.text();
        } else if (node instanceof Inline.Escaped x) {
            return x.character();
        } else if (node instanceof Inline.ParticipantRef ref) {
            Participant p = participant(ref.participantId());
            return p.participation() == Participation.PENDING ? "[" + p.name() + "]" : p.name();
        }
        throw new IllegalArgumentException("unknown inline " + node);
    }

    Participant participant(String id) {
        return participants.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown participant " + id));
    }
}
