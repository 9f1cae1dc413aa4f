package plenary.text;

import plenary.drafting.Section;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Numbers a new paragraph the way negotiators do: at the end of a section it takes the next number; between
 * two paragraphs it takes bis, ter, quater … so nobody renumbers mid-negotiation. Preambles follow the draft's
 * style: (i), (ii) … when the preamble is numbered, nothing when it is not.
 */
public final class Numbering {

    public static final List<String> LATIN = List.of("", "bis", "ter", "quater", "quinquies", "sexies", "septies",
            "octies", "novies", "decies");

    private static final Pattern LABEL = Pattern.compile("^([0-9]+|[ivxlcdm]+)\\s?([a-z]*)$");

    public static String forNewParagraph(Document doc, Section section, String after) {
        // sub-paragraphs "(c)" and headings are not numbered in the section's sequence
        List<Paragraph> paragraphs = doc.section(section).stream().filter(Paragraph::topLevel).toList();
        boolean roman = section == Section.PREAMBLE;
        if (roman && paragraphs.stream().allMatch(p -> p.number() == null) && !paragraphs.isEmpty()) {
            return null;
        }
        int last = paragraphs.size() - 1;
        int at = after == null ? last : indexOf(paragraphs, after);
        if (at == last || at < 0) {
            int highest = paragraphs.stream().map(Paragraph::number).mapToInt(Numbering::base).max().orElse(0);
            return format(highest + 1, "", roman);
        }
        Matcher m = label(paragraphs.get(at).number());
        if (m == null) {
            return null;
        }
        int base = base(paragraphs.get(at).number());
        Set<String> used = paragraphs.stream().map(Paragraph::number).filter(n -> n != null)
                .collect(Collectors.toSet());
        for (int i = Math.max(1, LATIN.indexOf(m.group(2)) + 1); i < LATIN.size(); i++) {
            String candidate = format(base, LATIN.get(i), roman);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Final numbering, as the secretariat applies it before finalising: numbered paragraphs of each section get
     * consecutive numbers in their order (Roman in the preamble); unnumbered ones stay unnumbered.
     */
    public static java.util.Map<String, String> renumbered(Document doc) {
        java.util.Map<String, String> numbers = new java.util.LinkedHashMap<>();
        for (Section section : Section.values()) {
            int n = 0;
            for (Paragraph p : doc.section(section)) {
                if (p.number() != null) {
                    numbers.put(p.id(), format(++n, "", section == Section.PREAMBLE));
                }
            }
        }
        return numbers;
    }

    private static int indexOf(List<Paragraph> paragraphs, String id) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Matcher label(String number) {
        if (number == null) {
            return null;
        }
        Matcher m = LABEL.matcher(number.toLowerCase(Locale.ROOT));
        return m.matches() ? m : null;
    }

    static int base(String number) {
        Matcher m = label(number);
        if (m == null) {
            return 0;
        }
        String b = m.group(1);
        return Character.isDigit(b.charAt(0)) ? Integer.parseInt(b) : Roman.toInt(b);
    }

    private static String format(int base, String suffix, boolean roman) {
        return roman ? Roman.of(base) + (suffix.isEmpty() ? "" : " " + suffix) : base + suffix;
    }

    private Numbering() {
    }
}
