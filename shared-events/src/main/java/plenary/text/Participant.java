package plenary.text;

import plenary.drafting.Participation;

/** A state or organisation taking part; {@code code} links it to a delegation's account once admitted. */
public record Participant(String id, String code, String name, Participation participation) {
}
