package dev.commonhold.platform.web;

import dev.commonhold.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A query parameter given twice or carrying a control character is a 400 naming it; ordinary queries pass. */
class QueryParameterCheckTest {

    @Test
    void aParameterGivenTwiceIsNamed() {
        assertThat(detail("login=staff&login=operator")).contains("login", "more than once");
        assertThat(detail("kind=SIGN_IN&limit=5&kind=EXPORT")).contains("kind");
        assertThat(detail("lo%67in=a&login=b")).as("the same name, once percent-encoded").contains("login");
    }

    @Test
    void aNulAControlOrAnInvisibleCharacterIsRefusedNamingTheParameter() {
        assertThat(detail("login=%00")).contains("login", "NUL");
        assertThat(detail("action=a%00b")).contains("action");
        assertThat(detail("q=%1B%5B31m")).contains("q", "control");
        assertThat(detail("name=%E2%80%8B")).contains("name", "invisible");
    }

    @Test
    void ordinaryQueriesPass() {
        assertThat(QueryParameterCheck.wrong(null)).isNull();
        assertThat(QueryParameterCheck.wrong("")).isNull();
        assertThat(QueryParameterCheck.wrong("communityId=01a235e3-8fa2-76a1-a3aa-4f77a89cf93a&from=2026-12-01T00:00:00%2B08:00&limit=50")).isNull();
        assertThat(QueryParameterCheck.wrong("q=%E5%8A%B2%E6%9D%BE%20%E5%8C%97&flag&&x=")).as("Chinese, a bare flag, empty pairs").isNull();
        assertThat(QueryParameterCheck.wrong("bad=%ZZ")).as("left to the server's own 400").isNull();
    }

    private static String detail(String query) {
        ProblemException problem = QueryParameterCheck.wrong(query);
        assertThat(problem).as(query).isNotNull();
        return problem.toProblemDetail().toString();
    }
}
