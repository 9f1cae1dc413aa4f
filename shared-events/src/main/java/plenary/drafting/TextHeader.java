package plenary.drafting;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A text's header as an event records it. {@code statusLine} is the status as the text prints it; {@code title}
 * marks line breaks with '\n'; {@code issue} is the symbol's suffix ("Rev.2", "Corr.1"), or null. {@code written}
 * is the title, venue and kind as the text wrote them in Markdown, escapes and line breaks as they were; left out
 * by events recorded before it was kept.
 */
public record TextHeader(String reference, String date, String statusLine, String title, String venue, String kind,
                         String issue, @JsonInclude(JsonInclude.Include.NON_NULL) Written written) {

    /** Inline Markdown between the title's {@code **} and the venue's and kind's {@code ***}; null where not kept. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Written(String title, String venue, String kind) {
    }
}
