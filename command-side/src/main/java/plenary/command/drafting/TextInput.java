package plenary.command.drafting;

/** A text upload must be a text: not empty, not binary. */
final class TextInput {

    static String check(String body) {
        if (body == null || body.isBlank()) {
            throw new Refusal.Invalid("the body is empty: send the text as text/markdown");
        }
        if (body.indexOf('\0') >= 0 || body.indexOf('\uFFFD') >= 0) {
            throw new Refusal.Invalid("the body is not UTF-8 text");
        }
        return body;
    }

    private TextInput() {
    }
}
