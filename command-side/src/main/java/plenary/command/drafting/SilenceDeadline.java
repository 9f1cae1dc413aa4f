package plenary.command.drafting;

import plenary.identity.Actor;

/**
 * The deadline of a silence procedure, as the deadline manager keeps it until it fires. The draft is named so that
 * the deadline can take the draft's turn ({@link DeadlineTurns}) before it is handled; a deadline stored before it
 * was named (null) is handled without.
 */
record SilenceDeadline(String procedureId, Actor startedBy, String draftId) {

    static final String NAME = "silence-procedure";
}
