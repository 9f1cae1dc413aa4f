package plenary.identity;

/** The roles of the negotiating room, as DOMAIN.md's table names them. */
public enum Role {
    SECRETARIAT, CHAIR, DELEGATION, AUDITOR, OBSERVER
}
