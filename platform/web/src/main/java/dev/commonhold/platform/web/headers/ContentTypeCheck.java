package dev.commonhold.platform.web.headers;

import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemTracing;
import dev.commonhold.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * A request's {@code Content-Type} must name one media type: a wildcard ({@code *}{@code /*},
 * {@code text/*}) or text that is no media type at all is refused with 415 naming the header, in
 * every service. Spring MVC cannot read such a header and answered 500 (found by the access matrix,
 * issue 17: a statement upload sent with {@code Content-Type: *}{@code /*}).
 */
public final class ContentTypeCheck extends OncePerRequestFilter {

    private final JsonMapper json;

    public ContentTypeCheck(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String declared = request.getContentType();
        String wrong = declared == null ? null : wrong(declared);
        if (wrong != null) {
            ProblemTracing.write(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type",
                    "Content-Type \"" + declared + "\" " + wrong + ": name the one type of the body you send, e.g. application/json, "
                            + "text/csv; charset=UTF-8 or application/octet-stream (the endpoint's OpenAPI lists what it takes)."), request, response, json);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with a declared Content-Type, in words, or null. */
    static String wrong(String declared) {
        try {
            MediaType type = MediaType.parseMediaType(declared);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return "is a wildcard, not a type";
            }
            type.getCharset(); // an unknown charset is refused here, not half-way through reading the body
            return null;
        } catch (InvalidMediaTypeException e) {
            return "is not a media type (" + e.getMessage() + ")";
        } catch (IllegalArgumentException e) { // IllegalCharsetNameException, UnsupportedCharsetException
            return "names a charset this service does not know (" + e.getMessage() + "); send UTF-8";
        }
    }
}
