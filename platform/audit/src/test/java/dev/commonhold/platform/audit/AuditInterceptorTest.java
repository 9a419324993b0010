package dev.commonhold.platform.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What becomes an audit entry, and what it says: the interceptor against requests as the services see them. */
class AuditInterceptorTest {

    private static final UUID COMMUNITY = UUID.fromString("0195b5a0-0000-7000-8000-000000000001");
    private static final UUID COMPANY = UUID.fromString("7c0d3e2a-0000-4000-8000-000000000001");
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private final List<AuditEntry> recorded = new ArrayList<>();
    private final AuditInterceptor interceptor = new AuditInterceptor(recorded::add, "trust-account", Clock.fixed(NOW, ZoneOffset.UTC));

    @SuppressWarnings("unused")
    static class Endpoints {
        @Audited(kind = AuditKind.APPROVAL, action = "trust.payment-request.decide")
        void decide() {
        }

        @Audited(kind = AuditKind.PERSONAL_DATA_READ, action = "community.owners.read")
        void owners() {
        }

        void plain() {
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anApprovalDoneIsRecordedWithWhoWhatWhenAndFromWhere() throws Exception {
        signIn("committee-1", "wang.committee", List.of("committee"), null);
        MockHttpServletRequest request = request("POST", "/api/trust/communities/" + COMMUNITY + "/payment-requests/r1/decisions");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        request.addHeader("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0");
        request.setQueryString("note=%E5%8A%A0%E6%80%A5");

        interceptor.afterCompletion(request, response(200, "application/json"), handler("decide"), null);

        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.APPROVAL);
            assertThat(e.action()).isEqualTo("trust.payment-request.decide");
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(e.source()).isEqualTo("trust-account");
            assertThat(e.at()).isEqualTo(NOW);
            assertThat(e.actor().subject()).isEqualTo("committee-1");
            assertThat(e.actor().login()).isEqualTo("wang.committee");
            assertThat(e.actor().roles()).containsExactly("committee");
            assertThat(e.communityId()).isEqualTo(COMMUNITY);
            assertThat(e.target()).as("the path with its query").isEqualTo(new AuditEntry.Target("POST", request.getRequestURI() + "?note=%E5%8A%A0%E6%80%A5", 200));
            assertThat(e.from()).isEqualTo(new AuditEntry.From("203.0.113.7", "Mozilla/5.0 (iPhone) MicroMessenger/8.0"));
        });
    }

    @Test
    void aRefusalIsRecordedAsDeniedAndBadInputIsNotAnAction() throws Exception {
        signIn("staff-9", "staff", List.of("operator-staff"), COMPANY);
        interceptor.afterCompletion(request("POST", "/x"), response(403, "application/problem+json"), handler("decide"), null);
        interceptor.afterCompletion(request("POST", "/x"), response(200, null), handler("decide"),
                new org.springframework.security.access.AccessDeniedException("no"));
        interceptor.afterCompletion(request("POST", "/x"), response(400, "application/problem+json"), handler("decide"), null);
        interceptor.afterCompletion(request("POST", "/x"), response(409, "application/problem+json"), handler("decide"), null);

        assertThat(recorded).extracting(AuditEntry::outcome).containsExactly(AuditEntry.Outcome.DENIED, AuditEntry.Outcome.DENIED);
        assertThat(recorded).extracting(e -> e.target().status()).containsExactly(403, 403);
        assertThat(recorded.getFirst().actor().company()).isEqualTo(COMPANY);
    }

    @Test
    void everyFileDownloadIsAnExportUnmarkedEndpointsOtherwiseAreNot() throws Exception {
        signIn("reg-1", "regulator", List.of("regulator"), null);
        interceptor.afterCompletion(request("GET", "/api/franchise/districts/110105/years/2026/report.csv"),
                response(200, "text/csv; charset=UTF-8"), handler("plain"), null);
        interceptor.afterCompletion(request("GET", "/api/billing/receipt"), response(200, "application/pdf"), handler("plain"), null);
        interceptor.afterCompletion(request("GET", "/api/parking/lots"), response(200, "application/json"), handler("plain"), null);
        interceptor.afterCompletion(request("GET", "/api/x.csv"), response(404, "text/csv"), handler("plain"), null);

        assertThat(recorded).extracting(AuditEntry::kind).containsExactly(AuditKind.EXPORT, AuditKind.EXPORT);
        assertThat(recorded).extracting(AuditEntry::action).containsOnly("trust-account.download");
    }

    @Test
    void staffReadingPeoplesDataIsRecordedAResidentReadingTheirOwnIsNot() throws Exception {
        signIn("res-1", "resident", List.of("resident"), null);
        interceptor.afterCompletion(request("GET", "/o"), response(200, "application/json"), handler("owners"), null);
        interceptor.afterCompletion(request("GET", "/o"), response(403, "application/problem+json"), handler("owners"), null);
        signIn("staff-9", "staff", List.of("operator-staff"), COMPANY);
        interceptor.afterCompletion(request("GET", "/o"), response(200, "application/json"), handler("owners"), null);

        assertThat(recorded).extracting(e -> e.actor().login() + " " + e.outcome()).containsExactly("resident DENIED", "staff DONE");
    }

    @Test
    void noTokenLeavesAnAnonymousActorAndTheDirectAddressWithoutAGateway() throws Exception {
        MockHttpServletRequest request = request("POST", "/x");
        request.setRemoteAddr("10.0.0.5");
        interceptor.afterCompletion(request, response(401, "application/problem+json"), handler("decide"), null);

        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(new AuditEntry.Actor(null, null, List.of(), null));
            assertThat(e.from().address()).isEqualTo("10.0.0.5");
            assertThat(e.communityId()).isNull();
        });
    }

    @Test
    void whatACallerControlsIsCutToTheContractsLengths() throws Exception {
        signIn("s", "staff", List.of("operator-staff"), COMPANY);
        MockHttpServletRequest request = request("POST", "/api/" + "a".repeat(600));
        request.addHeader("User-Agent", "b".repeat(1_000));
        interceptor.afterCompletion(request, response(200, "application/json"), handler("decide"), null);

        assertThat(recorded.getFirst().target().path()).hasSize(500);
        assertThat(recorded.getFirst().from().userAgent()).hasSize(300);
    }

    @Test
    void aTrailThatCannotRecordNeverTurnsADoneActionIntoAnError() throws Exception {
        AuditInterceptor failing = new AuditInterceptor(e -> {
            throw new IllegalStateException("database away");
        }, "billing", Clock.systemUTC());
        signIn("s", "staff", List.of("operator-staff"), COMPANY);
        failing.afterCompletion(request("POST", "/x"), response(200, "application/json"), handler("decide"), null);
    }

    private static void signIn(String subject, String login, List<String> roles, UUID company) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim("preferred_username", login)
                .claim("realm_access", Map.of("roles", roles));
        if (company != null) {
            jwt.claim("company", company.toString());
        }
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build()));
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (path.contains("/communities/")) {
            request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("communityId", COMMUNITY.toString()));
        }
        return request;
    }

    private static MockHttpServletResponse response(int status, String contentType) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        return response;
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(name));
    }
}
