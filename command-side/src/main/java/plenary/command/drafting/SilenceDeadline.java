package plenary.command.drafting;

import plenary.identity.Actor;

/** The deadline of a silence procedure, as the deadline manager keeps it until it fires. */
record SilenceDeadline(String procedureId, Actor startedBy) {

    static final String NAME = "silence-procedure";
}
