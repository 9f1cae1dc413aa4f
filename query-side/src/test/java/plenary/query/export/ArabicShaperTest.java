package plenary.query.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Arabic script in the forms a PDF draws, Persian's own letters included. */
class ArabicShaperTest {

    final ArabicShaper shaper = new ArabicShaper();

    @Test
    void eachLetterTakesTheFormOfItsPlaceInTheWord() {
        // پناهندگان: peh begins, noon joins both sides, dal joins only back, so gaf begins again
        assertThat(shaper.shapeText("پناهندگان")).isEqualTo("\uFB58\uFEE8\uFE8E\uFEEB\uFEE8\uFEAA\uFB94\uFE8E\uFEE5");
        // تاجیکستان: alef joins only back, so jeem begins; the Persian yeh and keheh in the middle
        assertThat(shaper.shapeText("تاجیکستان")).isEqualTo("\uFE97\uFE8E\uFE9F\uFBFF\uFB91\uFEB4\uFE98\uFE8E\uFEE5");
    }

    @Test
    void lamAndAlefBecomeOneLigatureAndAZeroWidthNonJoinerKeepsLettersApart() {
        assertThat(shaper.shapeText("اسلامی")).isEqualTo("\uFE8D\uFEB3\uFEFC\uFEE3\uFBFD");
        assertThat(shaper.shapeText("می\u200Cشود")).isEqualTo("\uFEE3\uFBFD\u200C\uFEB7\uFEEE\uFEA9");
    }

    @Test
    void otherScriptsAndMarksPassUnchangedAndFormsGoBackToLetters() {
        assertThat(shaper.shapeText("Almaty, 2013 – Алматы")).isEqualTo("Almaty, 2013 – Алматы");
        assertThat(shaper.deshapeText(shaper.shapeText("پناهندگان اسلامی"))).isEqualTo("پناهندگان اسلامی");
    }
}
