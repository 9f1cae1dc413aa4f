package plenary.text;

/** The workflow status: a draft is negotiated from its first drafting change until it is finalised. */
public enum DraftStatus { ZERO_DRAFT, UNDER_NEGOTIATION, FINAL }
