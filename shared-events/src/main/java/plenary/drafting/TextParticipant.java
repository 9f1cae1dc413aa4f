package plenary.drafting;

/** A state or organisation a text names as taking part; {@code code} links it to an admitted delegation. */
public record TextParticipant(String id, String code, String name, Participation participation, boolean observer) {
}
