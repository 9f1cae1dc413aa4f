package plenary.command.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON field whose value this side does not take; the 400 names the field and what it accepts. */
final class FieldRefused extends JsonMappingException {

    private final String why;

    FieldRefused(JsonParser parser, String why) {
        super(parser, why);
        this.why = why;
    }

    String why() {
        return why;
    }
}
