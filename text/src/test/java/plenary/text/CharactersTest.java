package plenary.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule of what a text may hold, for imports, commands and exports alike. */
class CharactersTest {

    @Test
    void wordsOfEveryScriptAndTheMarksRightToLeftTextNeedsAreAccepted() {
        String persian = "همکاری بین\u200Cالمللی\u200F"; // a zero-width non-joiner and a right-to-left mark
        assertThat(Characters.refused(persian, false)).isEqualTo(-1);
        assertThat(Characters.refused("Государства-участники, 1.5 °C, 😀, \uFEFF", false)).isEqualTo(-1);
        assertThat(Characters.refused("two\r\nlines\tand a tab", true)).isEqualTo(-1);
    }

    @Test
    void controlsHalvesOfPairsNoncharactersAndBidiOverridesAreRefused() {
        assertThat(Characters.refused("ab\u0000", true)).isEqualTo(2);
        assertThat(Characters.refused("bell\u0007", true)).isEqualTo(4);
        assertThat(Characters.refused("\u000Bvertical tab", true)).isZero();
        assertThat(Characters.refused("form\ffeed", true)).isEqualTo(4);
        assertThat(Characters.refused("del\u007F", true)).isEqualTo(3);
        assertThat(Characters.refused("c1\u0085", true)).isEqualTo(2);
        assertThat(Characters.refused("half \uD83D pair", true)).isEqualTo(5);
        assertThat(Characters.refused("\uDE00 low", true)).isZero();
        assertThat(Characters.refused("non\uFFFE", true)).isEqualTo(3);
        assertThat(Characters.refused("non\uFDD0", true)).isEqualTo(3);
        assertThat(Characters.refused("abc \u202E cba", true)).isEqualTo(4);
        assertThat(Characters.refused("isolate \u2067x\u2069", true)).isEqualTo(8);
        assertThat(Characters.refused("one\nline", false)).isEqualTo(3);
        assertThat(Characters.name("ab\u0000", 2)).isEqualTo("U+0000");
    }
}
