package dev.commonhold.platform.web.limits;

import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemTracing;
import dev.commonhold.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * No request body is held in memory beyond its path's limit: one declared larger
 * ({@code Content-Length}) is refused with 413 before anything reads it, and one that streams
 * past the limit (chunked) is cut off at the limit by {@link LimitedRequest}. Runs before
 * security, so an anonymous caller cannot make a service read a large body either.
 * Most paths take {@code commonhold.web.max-body-size}; the file uploads a service lists in
 * {@code commonhold.web.upload-paths} take {@code commonhold.web.max-upload-size} and check
 * their own, smaller, documented limit themselves.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final DataSize bodyLimit;
    private final DataSize uploadLimit;
    private final List<PathPattern> uploads;
    private final JsonMapper json;

    public BodySizeLimitFilter(DataSize bodyLimit, DataSize uploadLimit, List<String> uploadPaths, JsonMapper json) {
        this.bodyLimit = bodyLimit;
        this.uploadLimit = uploadLimit;
        this.uploads = uploadPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize limit = limitFor(request.getRequestURI());
        if (request.getContentLengthLong() > limit.toBytes()) {
            refuse(request, response, tooLarge(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit.toBytes(), () -> tooLarge(limit)), response);
    }

    private DataSize limitFor(String uri) {
        PathContainer path = PathContainer.parsePath(uri);
        return uploads.stream().anyMatch(p -> p.matches(path)) ? uploadLimit : bodyLimit;
    }

    /** The 413 a caller gets whichever way the body was found too large. */
    static ProblemException tooLarge(DataSize limit) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, "Request body too large",
                "This endpoint takes a body of at most %d bytes (%s); send less, or split the file and send the parts one after another."
                        .formatted(limit.toBytes(), human(limit)));
    }

    private static String human(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemException problem) throws IOException {
        // The rest of the body is not read: closing is cheaper than swallowing it.
        response.setHeader("Connection", "close");
        ProblemTracing.write(problem, request, response, json);
    }
}
