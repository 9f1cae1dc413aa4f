package plenary.command.store;

/** The metadata key under which a command carries the draft version its sender last saw. */
public final class ExpectedVersion {

    public static final String METADATA_KEY = "expectedVersion";

    private ExpectedVersion() {
    }
}
