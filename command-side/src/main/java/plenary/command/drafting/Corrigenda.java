package plenary.command.drafting;

import plenary.text.Document;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.Participant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A corrigendum is a corrected text of the same draft: its participants stay the draft's own, so a name the
 * corrected text brackets as pending refers to the participant the draft already knows by that name.
 */
final class Corrigenda {

    static Document corrected(Document current, Document parsed) {
        List<Participant> participants = new ArrayList<>(current.participants());
        Map<String, String> sameParticipant = new HashMap<>();
        for (Participant p : parsed.participants()) {
            Participant known = participants.stream().filter(k -> k.name().equalsIgnoreCase(p.name())).findFirst()
                    .orElse(null);
            if (known == null) {
                participants.add(p);
            } else {
                sameParticipant.put(p.id(), known.id());
            }
        }
        List<Paragraph> paragraphs = parsed.paragraphs().stream()
                .map(p -> p.withContent(relink(p.content(), sameParticipant))).toList();
        return Document.text(parsed.header(), participants, paragraphs, parsed.chapeau(), parsed.footnotes(),
                parsed.footnotesAfter());
    }

    private static List<Inline> relink(List<Inline> content, Map<String, String> sameParticipant) {
        return content.stream().map(n -> n instanceof Inline.ParticipantRef ref
                ? new Inline.ParticipantRef(sameParticipant.getOrDefault(ref.participantId(), ref.participantId()))
                : n).toList();
    }

    private Corrigenda() {
    }
}
