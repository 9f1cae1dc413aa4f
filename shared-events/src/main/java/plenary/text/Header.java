package plenary.text;

/**
 * The document's header. {@code statusLine} is the status as the text prints it ("Final", "Zero draft");
 * the draft's workflow status is kept apart in {@link Document#status()}. {@code title} marks line breaks with '\n'.
 */
public record Header(String reference, String date, String statusLine, String title, String venue, String kind) {

    public Header withStatusLine(String line) {
        return new Header(reference, date, line, title, venue, kind);
    }
}
