package plenary.drafting.procedure;

/** What a silence procedure adopts when nobody breaks it: the pending participations, or the whole text. */
public enum SilenceSubject { PARTICIPATION, TEXT }
