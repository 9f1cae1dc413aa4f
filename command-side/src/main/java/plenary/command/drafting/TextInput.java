package plenary.command.drafting;

import plenary.text.Characters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A text upload must be a text: not empty, not binary, UTF-8, and only characters a text may hold (the one rule
 * the commands' fields keep too, {@link Characters}). Anything that is such a text is accepted however imperfect.
 */
final class TextInput {

    static String check(byte[] body) {
        if (body == null || body.length == 0) {
            throw new Refusal.Invalid("the body is empty: send the text as text/markdown");
        }
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                throw new Refusal.Invalid("the body is binary, not a text (a NUL byte at offset " + i + ")");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        String text;
        try {
            text = utf8.decode(bytes).toString();
        } catch (MalformedInputException e) {
            throw new Refusal.Invalid("the body is not UTF-8 text: an invalid byte sequence at offset "
                    + bytes.position() + "; save the text as UTF-8");
        } catch (CharacterCodingException e) {
            throw new Refusal.Invalid("the body is not UTF-8 text; save the text as UTF-8");
        }
        if (text.isBlank()) {
            throw new Refusal.Invalid("the body is empty: send the text as text/markdown");
        }
        long controls = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        if (controls > text.length() / 100 + 2) {
            throw new Refusal.Invalid("the body is binary, not a text (" + controls + " control characters)");
        }
        int refused = Characters.refused(text, true);
        if (refused >= 0) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < refused; i++) {
                boolean newLine = text.charAt(i) == '\n' || (text.charAt(i) == '\r'
                        && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
                line += newLine ? 1 : 0;
                column = newLine ? 1 : column + 1;
            }
            throw new Refusal.Invalid("the text holds " + Characters.name(text, refused) + " at line " + line
                    + ", column " + column + "; " + Characters.why(true), Map.of("field", "body", "line", line,
                    "column", column));
        }
        return text;
    }

    private TextInput() {
    }
}
