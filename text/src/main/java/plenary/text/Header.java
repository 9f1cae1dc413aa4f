package plenary.text;

/**
 * The document's header. {@code statusLine} is the status as the text prints it ("Final", "Zero draft");
 * the draft's workflow status is kept apart in {@link Document#status()}. {@code title} marks line breaks with
 * '\n'. {@code issue} is the suffix of the current version's symbol ("Rev.2", "Corr.1"), or null. {@code written}
 * keeps the title, venue and kind as the text wrote them in Markdown, so that they come back with their escapes
 * and line breaks as written; null for a header no text gave.
 */
public record Header(String reference, String date, String statusLine, String title, String venue, String kind,
                     String issue, Written written) {

    /** Inline Markdown as written: between the title's {@code **}, the venue's and the kind's {@code ***}. */
    public record Written(String title, String venue, String kind) {
    }

    public Header(String reference, String date, String statusLine, String title, String venue, String kind) {
        this(reference, date, statusLine, title, venue, kind, null, null);
    }

    public Header withStatusLine(String line) {
        return new Header(reference, date, line, title, venue, kind, issue, written);
    }

    public Header withIssue(String newIssue) {
        return new Header(reference, date, statusLine, title, venue, kind, newIssue, written);
    }

    /** The symbol the text carries now, e.g. "A/CONF.1/L.1/Rev.2". */
    public String symbol() {
        return reference == null || issue == null ? reference : reference + "/" + issue;
    }
}
