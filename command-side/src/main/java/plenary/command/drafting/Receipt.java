package plenary.command.drafting;

/** What a command handler answers: the draft's new version and, where the command made one, the new id. */
record Receipt(long version, String id, String contentHash) {

    static Receipt of(long version) {
        return new Receipt(version, null, null);
    }

    static Receipt of(long version, String id) {
        return new Receipt(version, id, null);
    }
}
