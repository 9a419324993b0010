package dev.commonhold.platform.web.problem;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report for requests it refuses before the application sees them (an encoded
 * slash, a control character, a request line or headers over the limit): problem+json with a
 * traceId instead of an HTML page, so a caller gets the same kind of answer from every error.
 * Anything our handlers already answered is left alone.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Replaces the host's HTML error report with this one. */
    public static void install(Host host) {
        Pipeline pipeline = host.getPipeline();
        boolean installed = false;
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProblemReportValve) {
                installed = true;
            } else if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        if (!installed) {
            pipeline.addValve(new ProblemReportValve());
        }
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = StatusProblems.of(status, null, request.getHeader("traceparent"));
        log.warn("refused a request the server could not read: {} (traceId {})", status, problem.getProperties().get("traceId"));
        try {
            response.setContentType("application/problem+json");
            dev.commonhold.platform.web.headers.ApiHeaders.apply(response::setHeader);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is going away: there is no one left to answer
        }
    }

    private static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.putAll(problem.getProperties());
        return body;
    }
}
