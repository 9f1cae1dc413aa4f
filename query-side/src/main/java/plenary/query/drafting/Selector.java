package plenary.query.drafting;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Which state of a draft a reader asks for: the current one, or as it stood at a version, at an instant or at a
 * revision ({@code ?version=N}, {@code ?at=<ISO-8601 instant>}, {@code ?revision=Rev.1}); at most one of them.
 */
public record Selector(Long version, Instant at, String revision) {

    public static final Selector CURRENT = new Selector(null, null, null);
    /** What every store and client can hold; PostgreSQL's timestamps end in 294276, Java's instants do not. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    public static Selector of(String version, String at, String revision) {
        int given = (version != null ? 1 : 0) + (at != null ? 1 : 0) + (revision != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("ask for one of version, at or revision, not several");
        }
        try {
            Long v = version == null ? null : Long.valueOf(version);
            if (v != null && v < 1) {
                throw new IllegalArgumentException("version counts events from 1");
            }
            Instant instant = at == null ? null : Instant.parse(at);
            if (instant != null && (instant.isBefore(FIRST) || instant.isAfter(LAST))) {
                throw new IllegalArgumentException("at must be an instant between " + FIRST + " and " + LAST);
            }
            return new Selector(v, instant, revision);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version must be a number, e.g. version=12");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at must be an ISO-8601 instant, e.g. 2026-11-27T10:15:30Z");
        }
    }

    public boolean current() {
        return version == null && at == null && revision == null;
    }
}
