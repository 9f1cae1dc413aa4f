package plenary.text;

/**
 * The document's header. {@code statusLine} is the status as the text prints it ("Final", "Zero draft");
 * the draft's workflow status is kept apart in {@link Document#status()}. {@code title} marks line breaks with
 * '\n'. {@code issue} is the suffix of the current version's symbol ("Rev.2", "Corr.1"), or null.
 */
public record Header(String reference, String date, String statusLine, String title, String venue, String kind,
                     String issue) {

    public Header(String reference, String date, String statusLine, String title, String venue, String kind) {
        this(reference, date, statusLine, title, venue, kind, null);
    }

    public Header withStatusLine(String line) {
        return new Header(reference, date, line, title, venue, kind, issue);
    }

    public Header withIssue(String newIssue) {
        return new Header(reference, date, statusLine, title, venue, kind, newIssue);
    }

    /** The symbol the text carries now, e.g. "A/CONF.1/L.1/Rev.2". */
    public String symbol() {
        return reference == null || issue == null ? reference : reference + "/" + issue;
    }
}
