package plenary.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.function.ToLongFunction;

/**
 * Refuses a body larger than this side takes with 413, before anything reads it: by its {@code Content-Length}
 * when it declares one, and otherwise as soon as reading it passes the limit. It runs first, so that no later
 * filter (idempotency, security) buffers a body it will refuse.
 */
public final class BodyLimit extends OncePerRequestFilter {

    /** Reading a body went past the limit. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    private final Problems problems;
    private final ToLongFunction<String> limitForContentType;

    /** @param limitForContentType the largest body, in bytes, for a request's Content-Type (which may be null) */
    public BodyLimit(Problems problems, ToLongFunction<String> limitForContentType) {
        this.problems = problems;
        this.limitForContentType = limitForContentType;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitForContentType.applyAsLong(request.getContentType());
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(response, length + " bytes", limit);
            return;
        }
        try {
            chain.doFilter(length >= 0 ? request : new Limited(request, limit), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, "more than " + limit + " bytes", limit);
            }
        }
    }

    private void refuse(HttpServletResponse response, String size, long limit) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the body is " + size + "; this takes at most " + limit + " bytes (plenary.limits)");
        problem.setProperty("limit", limit);
        response.setHeader("Connection", "close"); // the rest of the body is not worth reading
        problems.write(response, problem);
    }

    /** A body without a declared length, cut off at the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new TooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }
}
