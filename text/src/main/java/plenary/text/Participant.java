package plenary.text;

import plenary.drafting.Participation;

/**
 * A state or organisation taking part; {@code code} links it to a delegation's account once admitted.
 * Observers follow the negotiation without being parties to the text.
 */
public record Participant(String id, String code, String name, Participation participation, boolean observer) {

    public Participant(String id, String code, String name, Participation participation) {
        this(id, code, name, participation, false);
    }

    public Participant withParticipation(Participation changed) {
        return new Participant(id, code, name, changed, observer);
    }
}
