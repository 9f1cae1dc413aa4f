package plenary.text;

/**
 * What characters a text may hold: one rule for every way in (an imported text, each field of a command) and out
 * (the exports print anything else as U+FFFD, for what was recorded before the rule). Refused: control characters
 * but line breaks and tabs (PostgreSQL's jsonb takes no NUL, XML no other controls), halves of surrogate pairs,
 * noncharacters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF …), and the bidi embeddings, overrides and isolates, which
 * would make a text display otherwise than it reads. The marks a right-to-left text needs (U+200E, U+200F, U+061C)
 * and the joiners Persian needs (U+200C, U+200D) are letters' business and accepted.
 */
public final class Characters {

    /** Whether a text may hold {@code codePoint}; {@code lines}: whether it may hold line breaks and tabs. */
    public static boolean accept(int codePoint, boolean lines) {
        if (codePoint < 0x20) {
            return lines && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t');
        }
        if (codePoint >= 0x7F && codePoint <= 0x9F) {
            return false;
        }
        if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
            return false;
        }
        return !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)
                && (codePoint & 0xFFFE) != 0xFFFE && !(codePoint >= 0xFDD0 && codePoint <= 0xFDEF);
    }

    /** The offset (in chars) of the first character {@code text} may not hold, or -1 when it may hold them all. */
    public static int refused(CharSequence text, boolean lines) {
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (!accept(c, lines)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** The character at {@code offset} as an answer names it: "U+0000". */
    public static String name(CharSequence text, int offset) {
        return String.format("U+%04X", Character.codePointAt(text, offset));
    }

    /** Why a character is refused, for an answer. */
    public static String why(boolean lines) {
        return lines ? "a text holds no control characters but line breaks and tabs, no halves of surrogate pairs, "
                + "no noncharacters and no bidi embeddings, overrides or isolates"
                : "a one-line field holds no line breaks or other control characters, no halves of surrogate pairs, "
                + "no noncharacters and no bidi embeddings, overrides or isolates";
    }

    private Characters() {
    }
}
