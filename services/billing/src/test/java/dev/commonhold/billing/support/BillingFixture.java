package dev.commonhold.billing.support;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.tokens.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A community known to billing, its users of every role, and the steps every billing test takes. */
public final class BillingFixture {

    public final UUID company;
    public final UUID community = UUID.randomUUID();
    public final TestTokens.User owner = Infra.tokens().user("resident").roles("resident").communities(community);
    public final List<UUID> units;
    public final Api api;

    public BillingFixture(int port, int units) {
        this(port, units, UUID.randomUUID());
    }

    /** Another community run by the same company. */
    public BillingFixture(int port, int units, UUID company) {
        this.company = company;
        this.api = new Api("http://localhost:" + port);
        this.units = RegisterOnKafka.publish(community, company, units, Map.of(0, owner.subject()));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiResponse copy = as(operator()).get(path("/register-copy"));
            return copy.status() == 200 && copy.json().get("units").asInt() == units;
        });
    }

    public String operator() {
        return Infra.tokens().user("operator").roles("operator-admin").company(company).token();
    }

    public String staff() {
        return Infra.tokens().user("staff").roles("operator-staff").company(company).token();
    }

    public String otherOperator() {
        return Infra.tokens().user("rival").roles("operator-admin").company(UUID.randomUUID()).token();
    }

    public String regulator() {
        return Infra.tokens().user("regulator").roles("regulator").jurisdiction("110105").token();
    }

    public Api as(String token) {
        return api.as(token);
    }

    public String path(String rest) {
        return "/api/billing/communities/" + community + rest;
    }

    public String unitPath(int unit, String rest) {
        return path("/units/" + units.get(unit) + rest);
    }

    /** 1.50 yuan per m² per month for homes, from 2020; monthly, due on the 15th; 0.05% a day late, capped at 30%. */
    public void putPlan() {
        ApiResponse put = as(operator()).put(path("/fee-plan"), Map.of("name", "2026 物业费", "cycle", "MONTHLY", "dueDays", 14,
                "lateFee", Map.of("basisPointsPerDay", 5, "capBasisPoints", 3000),
                "prices", List.of(Map.of("use", "RESIDENTIAL", "effectiveFrom", "2020-01-01", "fenPerSquareMetreMonth", 150))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    /** Starts a run for one month and waits until it is done. */
    public JsonNode bill(String period) {
        ApiResponse started = as(operator()).post("/api/billing/runs", Map.of("communityId", community.toString(), "period", period));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !as(operator()).get("/api/billing/runs/" + run).json().get("status").asString().equals("RUNNING"));
        JsonNode done = as(operator()).get("/api/billing/runs/" + run).json();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    public JsonNode invoices(String token, int unit) {
        ApiResponse list = as(token).get(unitPath(unit, "/invoices"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("items");
    }
}
