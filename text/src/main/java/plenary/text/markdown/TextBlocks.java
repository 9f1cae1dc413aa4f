package plenary.text.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a text into its blocks, the way negotiators write them: a blank line ends a block, and a line that
 * opens a new paragraph ("2.", "(b)", "## Article 4", a rule, a footnote) starts one even without a blank line.
 * Indentation never makes code: an indented "(a)" is a sub-paragraph. Each block knows the line it starts on.
 */
final class TextBlocks {

    static final String LATIN = "bis|ter|quater|quinquies|sexies|septies|octies|novies|decies";
    static final Pattern RULE = Pattern.compile("^ {0,3}(?:-{3,}|\\*{3,}|_{3,})\\s*$");
    /** A heading, however far indented (indentation never makes code here) and whatever inline content follows. */
    static final Pattern HEADING = Pattern.compile("^[ \\t]*(#{1,6})[ \\t]+(.*?)[ \\t]*$");
    private static final Pattern OPENS_BLOCK = Pattern.compile(
            "^\\s*(?:#{1,6}[ \\t]|\\[\\^[^\\]\\s]+]:|<sup>[^<]{1,8}</sup>\\s"
                    + "|\\d+(?:\\.\\d+)*\\s?(?:" + LATIN + "|alt\\d*)?\\.\\s"
                    + "|\\((?:[a-z]|[ivxlcdm]+|\\d+)(?:\\s?(?:" + LATIN + "))?\\)\\s)");

    /** Consecutive lines of one block; {@code line} is 1-based. */
    record Block(int line, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }

        String first() {
            return lines.get(0);
        }

        int indent() {
            String first = first();
            int i = 0;
            while (i < first.length() && (first.charAt(i) == ' ' || first.charAt(i) == '\t')) {
                i++;
            }
            return i;
        }
    }

    static List<Block> split(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        List<String> current = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean blank = line.isBlank();
            boolean single = RULE.matcher(line).matches() || HEADING.matcher(line).matches();
            if (!current.isEmpty() && (blank || single || OPENS_BLOCK.matcher(line).find()
                    || RULE.matcher(current.get(0)).matches() || HEADING.matcher(current.get(0)).matches())) {
                blocks.add(new Block(start + 1, List.copyOf(current)));
                current.clear();
            }
            if (!blank) {
                if (current.isEmpty()) {
                    start = i;
                }
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(new Block(start + 1, List.copyOf(current)));
        }
        return blocks;
    }

    private TextBlocks() {
    }
}
