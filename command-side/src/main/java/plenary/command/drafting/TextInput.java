package plenary.command.drafting;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * A text upload must be a text: not empty, not binary, UTF-8. Anything that is a text is accepted however
 * imperfect; only these refusals are final.
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
        return text;
    }

    private TextInput() {
    }
}
