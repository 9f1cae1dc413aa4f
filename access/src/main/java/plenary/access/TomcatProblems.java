package plenary.access;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat refuses some requests before any servlet runs (a URL it cannot parse, a header it will not take) and
 * would answer them with its HTML error page. Here it answers problem+json like the rest, and leaves an encoded
 * slash ({@code %2F}) in the path for Spring Security's firewall to refuse with a reason.
 */
final class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
        factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemReport.class.getName()));
    }

    /** The host's error report, as problem+json with the status and, for a 4xx, Tomcat's reason. */
    public static final class ProblemReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String detail = status < 500 && response.getMessage() != null ? response.getMessage() : "the request failed";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ")
                        + "\"}").getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client has gone; there is nobody left to tell
            }
        }
    }
}
