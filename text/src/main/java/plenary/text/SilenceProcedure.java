package plenary.text;

import plenary.drafting.procedure.SilenceSubject;

import java.time.Instant;

/** A silence procedure of the draft: running until its deadline, then broken or concluded. */
public record SilenceProcedure(String id, Instant deadline, SilenceSubject subject, State state, String brokenBy,
                               String reason) {

    public enum State { RUNNING, BROKEN, CONCLUDED }

    public boolean running() {
        return state == State.RUNNING;
    }
}
