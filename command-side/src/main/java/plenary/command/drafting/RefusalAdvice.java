package plenary.command.drafting;

import plenary.command.database.DatabaseDown;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import plenary.command.input.BadInput;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every refusal becomes application/problem+json with the status API.md gives it; so do Spring MVC's own
 * errors (malformed JSON …) through {@link ResponseEntityExceptionHandler}, and anything unexpected.
 */
@RestControllerAdvice
class RefusalAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

    /** A body that cannot be read names the field at fault and what it accepts ({@link BadInput}). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = BadInput.of(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        HttpStatus status;
        if (refusal instanceof Refusal.Forbidden) {
            status = HttpStatus.FORBIDDEN;
        } else if (refusal instanceof Refusal.NotFound) {
            status = HttpStatus.NOT_FOUND;
        } else if (refusal instanceof Refusal.Conflict) {
            status = HttpStatus.CONFLICT;
        } else {
            status = HttpStatus.BAD_REQUEST;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        refusal.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownDraft(AggregateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "there is no draft " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail stale(ConflictingAggregateVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "the draft has changed since the version in If-Match; fetch it and try again");
        problem.setProperty("currentVersion", e.getActualVersion() + 1);
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "another change to this draft was recorded at the same instant; fetch it and try again");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseDown.causedBy(e)) {
            log.warn("command refused, the database cannot be reached: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                    DatabaseDown.RETRY_AFTER).body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the record cannot be reached just now; nothing was recorded. Send the command again later"));
        }
        log.error("command failed unexpectedly", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the command could not be handled; nothing was recorded. The error is logged."));
    }
}
