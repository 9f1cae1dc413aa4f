package plenary.text;

/**
 * Hands out the ids that one event introduces. Ids carry the version of the event that made them
 * ("b7", then "a7.2", "a7.3"), so they are unique within a draft and tell an auditor where they came from.
 */
public final class IdAllocator {

    private final long version;
    private int count;

    public IdAllocator(long version) {
        this.version = version;
    }

    public String next(String prefix) {
        count++;
        return count == 1 ? prefix + version : prefix + version + "." + count;
    }
}
