package plenary.text;

import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.participants.DelegationAdmitted;

import java.util.ArrayList;
import java.util.List;

/** How the participants change: admitted, linked to where the text names them, confirmed or pending. */
final class ParticipantEdits {

    static Document admit(Document doc, DelegationAdmitted e) {
        List<Participant> participants = new ArrayList<>(doc.participants());
        Participant admitted = new Participant(e.participantId(), e.code(), e.name(), e.participation(), e.observer());
        for (int i = 0; i < participants.size(); i++) {
            if (participants.get(i).id().equals(e.participantId())) {
                participants.set(i, admitted);
                return doc.withParticipants(participants);
            }
        }
        participants.add(admitted);
        Document listed = doc.withParticipants(participants);
        List<Paragraph> preamble = doc.section(Section.PREAMBLE);
        if (e.observer() || preamble.isEmpty()) {
            return listed;
        }
        // Where the opening paragraph names the delegation, the text now refers to the participant.
        try {
            return ParagraphEdits.edit(listed, preamble.get(0).id(), content -> new Quotes(new PlainText(participants))
                    .wrap(content, e.name(), 1, words -> new Inline.ParticipantRef(e.participantId())));
        } catch (QuoteProblem notNamedThere) {
            return listed; // listed as a participant without being named in the text
        }
    }

    static Document change(Document doc, String participantId, Participation participation) {
        return doc.withParticipants(doc.participants().stream()
                .map(p -> p.id().equals(participantId) ? p.withParticipation(participation) : p).toList());
    }

    static Document confirmAllPending(Document doc) {
        return doc.withParticipants(doc.participants().stream()
                .map(p -> p.participation() == Participation.PENDING ? p.withParticipation(Participation.CONFIRMED) : p)
                .toList());
    }

    private ParticipantEdits() {
    }
}
