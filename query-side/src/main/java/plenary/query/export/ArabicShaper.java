package plenary.query.export;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic script written with each letter in the form its place in the word asks for (isolated, final, initial,
 * medial), for a PDF whose fonts are drawn glyph by glyph. ICU's shaper knows only the letters of Presentation
 * Forms-B, which leaves Persian's own letters (پ چ ژ گ ک ی) unjoined; this one takes the forms of every letter
 * that Unicode gives presentation forms, and the lam-alef ligatures. Reordering stays ICU's.
 */
final class ArabicShaper implements BidiReorderer {

    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;
    private static final String[] FORM_NAMES = {" ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM"};
    private static final int LAM = 0x0644;
    /** The alefs that join a preceding lam into one ligature, and that ligature's isolated form. */
    private static final Map<Integer, Integer> LAM_ALEF = Map.of(0x0622, 0xFEF5, 0x0623, 0xFEF7, 0x0625, 0xFEF9,
            0x0627, 0xFEFB);
    /** Each letter's presentation forms, read from the names Unicode gives them: "ARABIC LETTER PEH FINAL FORM". */
    private static final Map<Integer, int[]> FORMS = forms();

    private final ICUBidiReorderer icu = new ICUBidiReorderer();

    private static Map<Integer, int[]> forms() {
        Map<Integer, int[]> forms = new HashMap<>();
        for (int[] block : new int[][]{{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}}) {
            for (int c = block[0]; c <= block[1]; c++) {
                String name = Character.getName(c);
                if (name == null || !name.startsWith("ARABIC LETTER ")) {
                    continue;
                }
                for (int form = 0; form < FORM_NAMES.length; form++) {
                    if (name.endsWith(FORM_NAMES[form])) {
                        int base = base(name.substring(0, name.length() - FORM_NAMES[form].length()));
                        if (base > 0) {
                            forms.computeIfAbsent(base, b -> new int[4])[form] = c;
                        }
                    }
                }
            }
        }
        return Map.copyOf(forms);
    }

    private static int base(String name) {
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException noSuchLetter) {
            return -1; // a form of a letter Unicode does not encode on its own
        }
    }

    @Override
    public String shapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = nextLetter(text, i + Character.charCount(c));
            boolean joinsBefore = joinsBefore(text, i);
            if (c == LAM && next >= 0 && LAM_ALEF.containsKey(text.codePointAt(next))) {
                out.append(text, i + 1, next); // marks on the lam stay with it
                out.appendCodePoint(LAM_ALEF.get(text.codePointAt(next)) + (joinsBefore ? 1 : 0));
                i = next + 1;
                continue;
            }
            int[] forms = FORMS.get(c);
            if (forms == null) {
                out.appendCodePoint(c);
            } else {
                int type = joiningType(c);
                boolean dual = type == UCharacter.JoiningType.DUAL_JOINING;
                boolean joinsAfter = dual && next >= 0 && joinsPrevious(text.codePointAt(next));
                int form = joinsBefore && joinsAfter ? MEDIAL : joinsBefore ? FINAL : joinsAfter ? INITIAL : ISOLATED;
                int shaped = forms[form];
                if (shaped == 0 && form == MEDIAL) {
                    shaped = forms[FINAL];
                }
                out.appendCodePoint(shaped != 0 ? shaped : forms[ISOLATED] != 0 ? forms[ISOLATED] : c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** Whether the letter before {@code at} (marks skipped) reaches forward to join it. */
    private static boolean joinsBefore(String text, int at) {
        if (!joins(text.codePointAt(at))) {
            return false;
        }
        for (int i = at; i > 0; ) {
            int c = text.codePointBefore(i);
            i -= Character.charCount(c);
            int type = joiningType(c);
            if (type != UCharacter.JoiningType.TRANSPARENT) {
                return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.LEFT_JOINING
                        || type == UCharacter.JoiningType.JOIN_CAUSING;
            }
        }
        return false;
    }

    /** Whether a letter of this kind joins the one before it. */
    private static boolean joinsPrevious(int c) {
        int type = joiningType(c);
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING
                || type == UCharacter.JoiningType.JOIN_CAUSING;
    }

    private static boolean joins(int c) {
        int type = joiningType(c);
        return type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING;
    }

    /** Where the next character that is not a mark stands, or -1. */
    private static int nextLetter(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (joiningType(c) != UCharacter.JoiningType.TRANSPARENT) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static int joiningType(int c) {
        return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
    }

    /** Back to the letters themselves, for a font that lacks the forms. */
    @Override
    public String deshapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean form = (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
            out.append(form ? Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC) : Character.toString(c));
        });
        return out.toString();
    }

    @Override
    public String reorderRTLTextToLTR(String text) {
        return icu.reorderRTLTextToLTR(text);
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }
}
