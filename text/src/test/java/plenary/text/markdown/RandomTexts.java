package plenary.text.markdown;

import java.util.Random;

/** Random texts in the negotiators' Markdown, from pieces real texts have, for the round-trip properties. */
final class RandomTexts {

    private static final String[] WORDS = {" word ", " the Parties ", "shall", " Государства-участники ",
            " کشورهای عضو ", "تصمیم", "решение", " 1.5 °C ", " US", "10", "2030,", "(CO2)", ";", ":"};
    private static final String[] MARKUP = {"[", "]", "][", "*", "**", "_", "\\[", "\\]", "\\*", "\\$", "\\^",
            "\\_", "\\\\", "\\#", "\\<", "\\&", "\\|", "\\~", "\\`", "\\.", "\\(", "\\)", "\\!", "\\-", "$", "^",
            "\\", "#", "`code`", "<u>", "</u>", "<sup>1</sup>", "[^2]", "*{note}*", "[...]", "5 * 3"};
    /** Inline HTML, kept and refused (InlineHtml): texts hold the first kind, attackers send the second. */
    static final String[] HTML = {"<img src=x onerror=alert(1)>", "<sub>", "</sub>", "<br>", "<BR/>", "<sup>",
            "</sup>", "<span class=\"smallcaps\">", "</span>", "<span>", "<script>alert(1)</script>", "<!-- c -->",
            "<javascript:alert(1)>", "<https://undocs.org/A/1>", "<a href=\"[x]\" title='*y*'>", "</a>",
            "<SUP onclick=x>", "<u>", "</u>", "<?php x ?>", "<![CDATA[x]]>", "<b title=\"<i>\">", "\\<img>", "a < b"};
    private static final String[] BREAKS = {"\\\n", "  \n", "\n"};
    private static final String[] OPENINGS = {"", "", "1. ", "2. ", "3bis. ", "(a) ", "  (b) ", "(i) ", "(ii) ",
            "## ", "### ", "\t## ", "# ", "[^2]: ", "\\* ", "\\*\\* ", "\\1. ", "\\## "};

    static String text(Random random) {
        return text(random, false);
    }

    /** A random text; {@code html}: with inline HTML among its pieces. */
    static String text(Random random, boolean html) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(4) == 0) {
            sb.append("Ref: X/").append(random.nextInt(100)).append("\n\n");
        }
        if (random.nextInt(4) == 0) {
            sb.append("**Title").append(random.nextBoolean() ? ":\\\n" : ":  \n").append("second line**\n\n");
        }
        if (random.nextInt(4) == 0) {
            sb.append("***").append(inline(random, 3, false, html)).append("***\n\n");
        }
        for (int block = random.nextInt(6); block >= 0; block--) {
            String opening = OPENINGS[random.nextInt(OPENINGS.length)];
            boolean heading = opening.contains("#") && !opening.contains("\\");
            sb.append(opening).append("x").append(inline(random, 1 + random.nextInt(12), !heading, html)).append(" end");
            sb.append(random.nextInt(3) == 0 ? "\n" : "\n\n");
        }
        return sb.toString();
    }

    private static String inline(Random random, int pieces, boolean breaks) {
        return inline(random, pieces, breaks, false);
    }

    private static String inline(Random random, int pieces, boolean breaks, boolean html) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                sb.append(WORDS[random.nextInt(WORDS.length)]);
            } else if (kind < 6 && html) {
                sb.append(HTML[random.nextInt(HTML.length)]);
            } else if (kind < 9 || !breaks) {
                sb.append(MARKUP[random.nextInt(MARKUP.length)]);
            } else {
                sb.append("w").append(BREAKS[random.nextInt(BREAKS.length)]).append("w");
            }
        }
        return sb.toString();
    }

    private RandomTexts() {
    }
}
