package plenary.drafting;

/**
 * A text's header as an event records it. {@code statusLine} is the status as the text prints it; {@code title}
 * marks line breaks with '\n'; {@code issue} is the symbol's suffix ("Rev.2", "Corr.1"), or null.
 */
public record TextHeader(String reference, String date, String statusLine, String title, String venue, String kind,
                         String issue) {
}
