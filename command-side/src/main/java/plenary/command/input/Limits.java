package plenary.command.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits on what a command may carry ({@code plenary.limits.*}). Past one, a request is refused with 413
 * (a body) or 400 naming the field, and nothing is recorded. The defaults leave room for any real negotiated text:
 * a 200-page agreement is some 4,000 paragraphs of under 3,000 characters.
 *
 * @param jsonBody     a JSON command's body
 * @param textBody     a text's body (import, revision from a text, corrigendum)
 * @param paragraph    characters in one paragraph or footnote, all its alternatives included
 * @param quote        characters in the words a bracket or footnote quotes
 * @param line         characters in a one-line field (reference, title, name, reason, label …)
 * @param alternatives alternatives in one bracket (options in one paragraph)
 * @param paragraphs   paragraphs in one draft
 * @param depth        brackets nested inside each other
 */
@ConfigurationProperties("plenary.limits")
public record Limits(@DefaultValue("1MB") DataSize jsonBody, @DefaultValue("16MB") DataSize textBody,
                     @DefaultValue("20000") int paragraph, @DefaultValue("10000") int quote,
                     @DefaultValue("2000") int line, @DefaultValue("20") int alternatives,
                     @DefaultValue("10000") int paragraphs, @DefaultValue("32") int depth) {

    public static final Limits DEFAULTS = new Limits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(16), 20_000,
            10_000, 2_000, 20, 10_000, 32);
}
