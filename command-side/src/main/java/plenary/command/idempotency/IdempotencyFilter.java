package plenary.command.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import plenary.command.database.DatabaseDown;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import plenary.access.Problems;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Gives a command sent with {@code Idempotency-Key} at most one effect. The first request with a key claims it
 * and runs in one transaction with its answer: the Axon unit of work joins that transaction, so the command's
 * events and the remembered answer commit together or not at all. A repeat, even one that arrives while the
 * first is still running, waits for it and gets its answer, marked {@code Idempotent-Replayed: true}. Only
 * successful answers are remembered: a refused command records nothing, so repeating it asks again. A key reused
 * for a different request is refused with 422. Keys are scoped to the user and remembered for a day.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final Answers answers;
    private final TransactionTemplate transactions;
    private final Problems problems;
    private final Duration retention;
    /** plenary.idempotency{result}: first (carried out), replayed (answered from memory), mismatch (422). */
    private final Counter first;
    private final Counter replayed;
    private final Counter mismatch;

    IdempotencyFilter(Answers answers, TransactionTemplate transactions, Problems problems,
                      @Value("${plenary.idempotency.retention:P1D}") Duration retention, MeterRegistry meters) {
        this.answers = answers;
        this.transactions = transactions;
        this.problems = problems;
        this.retention = retention;
        this.first = counter(meters, "first");
        this.replayed = counter(meters, "replayed");
        this.mismatch = counter(meters, "mismatch");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("plenary.idempotency").tag("result", result)
                .description("commands sent with an Idempotency-Key, by what became of them").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 255) {
            problems.write(response, HttpStatus.BAD_REQUEST, HEADER + " must be 1 to 255 characters, e.g. a UUID");
            return;
        }
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        BufferedRequest buffered = new BufferedRequest(request);
        String asked = fingerprint(buffered);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        Optional<Answers.Answer> first;
        try {
            first = remembered(user, key, asked, chain, buffered, answer);
        } catch (RuntimeException e) {
            if (!DatabaseDown.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseDown.RETRY_AFTER);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                    "the record cannot be reached just now; nothing was recorded. Send the command again later");
            return;
        }
        respond(first, asked, key, response, answer);
    }

    /** Claims the key and runs the command, or recalls the answer, in one transaction. */
    private Optional<Answers.Answer> remembered(String user, String key, String asked, FilterChain chain,
                                                BufferedRequest buffered, ContentCachingResponseWrapper answer) {
        return transactions.execute(tx -> {
            Optional<Answers.Answer> recalled = answers.claimOrRecall(user, key, asked, retention);
            if (recalled.isPresent()) {
                return recalled;
            }
            run(chain, buffered, answer);
            if (HttpStatus.valueOf(answer.getStatus()).is2xxSuccessful()) {
                answers.remember(user, key, new Answers.Answer(asked, answer.getStatus(), answer.getContentType(),
                        answer.getContentAsByteArray()));
            } else {
                tx.setRollbackOnly();
            }
            return Optional.empty();
        });
    }

    private void respond(Optional<Answers.Answer> first, String asked, String key, HttpServletResponse response,
                         ContentCachingResponseWrapper answer) throws IOException {
        if (first.isEmpty()) {
            this.first.increment();
            answer.copyBodyToResponse(); // only now that the events and the answer are committed
        } else if (!first.get().request().equals(asked)) {
            mismatch.increment();
            problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY,
                    HEADER + " " + key + " was used for another request; use a new key for a new request");
        } else {
            replayed.increment();
            response.setStatus(first.get().status());
            response.setContentType(first.get().contentType());
            response.setHeader(REPLAYED, "true");
            response.getOutputStream().write(first.get().body());
        }
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new IllegalStateException("the command could not be handled", e);
        }
    }

    private static String fingerprint(BufferedRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                    + "\n" + request.getHeader("If-Match") + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(request.body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request with its body read once, for the fingerprint, and then again by the controller. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }
    }
}
