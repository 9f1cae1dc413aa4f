package plenary.command.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import plenary.text.Characters;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Every string and instant of a JSON command, checked as it is read: its length (a paragraph's text, a quote and a
 * one-line field each have theirs) and its characters, by the one rule an imported text keeps too
 * ({@link Characters}); only the Markdown-bearing fields and free-text reasons may hold line breaks and tabs. Instants must fall within years 1 to 9999, which every store and client can hold.
 */
final class FieldRules extends SimpleModule {

    /** The fields whose text is Markdown or free prose: line breaks and tabs allowed. */
    static final Set<String> TEXT = Set.of("text", "reason", "rationale");
    static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    FieldRules(Limits limits) {
        super("plenary-field-rules");
        addDeserializer(String.class, new Strings(limits));
        addDeserializer(Instant.class, new Instants());
    }

    /** The name of the field being read; for an element of an array, the array's. */
    static String name(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        while (context != null && context.getCurrentName() == null) {
            context = context.getParent();
        }
        return context == null ? "" : context.getCurrentName();
    }

    /** Where in the body: {@code alternatives[2]}. */
    static String path(JsonParser parser) {
        String path = "";
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            path = c.inArray() ? "[" + c.getCurrentIndex() + "]" + path
                    : c.getCurrentName() + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path;
        }
        return path;
    }

    private static final class Strings extends StdScalarDeserializer<String> {

        private final transient Limits limits;

        Strings(Limits limits) {
            super(String.class);
            this.limits = limits;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            String name = name(parser);
            boolean prose = TEXT.contains(name);
            int max = name.equals("quote") ? limits.quote()
                    : name.equals("text") ? limits.paragraph() : limits.line();
            if (value.length() > max) {
                throw new FieldRefused(parser, value.length() + " characters; " + name + " takes at most " + max
                        + " (plenary.limits)");
            }
            int refused = Characters.refused(value, prose);
            if (refused >= 0) {
                throw new FieldRefused(parser, Characters.name(value, refused) + " at offset " + refused + "; " + name
                        + " takes no such character: " + Characters.why(prose));
            }
            return value;
        }
    }

    private static final class Instants extends StdScalarDeserializer<Instant> {

        Instants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (instant != null && (instant.isBefore(FIRST) || instant.isAfter(LAST))) {
                throw new FieldRefused(parser, instant + " is out of range; an instant between " + FIRST + " and "
                        + LAST + ", e.g. 2026-12-03T17:00:00Z");
            }
            return instant;
        }
    }
}
