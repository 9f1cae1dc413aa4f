package plenary.command.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import plenary.access.BodyLimit;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A body that could not be read, told as a 400 that names the field at fault ({@code field}, e.g.
 * {@code alternatives[2]}) and what it accepts, instead of Spring's "Failed to read request".
 */
public final class BadInput {

    public static ProblemDetail of(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof BodyLimit.TooLarge tooLarge) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage()
                    + " (plenary.limits)");
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            String field = field(mapping);
            String accepts = accepts(mapping);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    (field.isEmpty() ? "the body" : "field " + field) + ": " + accepts);
            if (!field.isEmpty()) {
                problem.setProperty("field", field);
            }
            return problem;
        }
        if (cause instanceof StreamConstraintsException limit) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is beyond what a command holds: "
                    + limit.getOriginalMessage());
        }
        if (cause instanceof JsonParseException parse) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is not JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + "): "
                    + parse.getOriginalMessage());
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getCause() == null
                ? "the body is missing: send the command as JSON" : "the body could not be read: " + cause.getMessage());
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String accepts(JsonMappingException e) {
        if (e instanceof FieldRefused refused) {
            return refused.why();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "there is no such field; the fields are " + unknown.getKnownPropertyIds();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> type = invalid.getTargetType();
            String given = String.valueOf(invalid.getValue());
            if (type.isEnum()) {
                return "\"" + given + "\" is not one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
            }
            return "\"" + given + "\" is not " + expected(type);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type.isEnum()) {
                return "expected one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
            }
            return "expected " + expected(type);
        }
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (type == Instant.class) {
            return "an ISO-8601 instant, e.g. 2026-12-03T17:00:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object with the command's fields";
    }

    private BadInput() {
    }
}
