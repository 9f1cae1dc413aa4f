package plenary.local;

/**
 * A long agreement, about 200 pages (4,000 paragraphs with brackets, sub-paragraphs and footnotes), written the
 * way real texts are. {@code -Dbench.articles=} changes its length.
 */
public final class LongText {

    public static final int ARTICLES = Integer.getInteger("bench.articles", 400);

    public static String text() {
        StringBuilder sb = new StringBuilder("""
                Ref: BENCH/2026/L.1

                Date: 1 January 2026

                Draft

                **A Long Agreement for Benchmarking**

                ***Agreement***

                The Parties to this Agreement,

                *Recalling* their earlier decisions[^1],

                *Have agreed as follows:*

                """);
        for (int a = 1; a <= ARTICLES; a++) {
            sb.append("## Article ").append(a).append("\n\n");
            for (int p = 1; p <= 6; p++) {
                sb.append(p).append(". The Parties [shall][should] [cooperate [closely]][work together] on matter ")
                        .append(a).append('.').append(p)
                        .append(", taking into account [national circumstances][respective capabilities]<sup>")
                        .append(a).append("</sup> and the [need for [adequate [and predictable]] support];\n\n");
            }
            sb.append("  (a) [Placeholder for further provisions on article ").append(a).append("];\n\n")
                    .append("  (b) *{Note: sub-paragraph (b) to be discussed}* Exchange of information;\n\n")
                    .append("  (c) Reporting [every two years][annually].\n\n");
        }
        sb.append("---\n\n");
        for (int a = 1; a <= ARTICLES; a++) {
            sb.append("<sup>").append(a).append("</sup> A footnote to article ").append(a).append(".\n\n");
        }
        sb.append("[^1]: Decision 1/CP.1.\n");
        return sb.toString();
    }

    private LongText() {
    }
}
